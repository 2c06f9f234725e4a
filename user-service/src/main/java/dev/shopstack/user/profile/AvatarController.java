package dev.shopstack.user.profile;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class AvatarController {

    static final long MAX_UPLOAD_BYTES = 2L * 1024 * 1024;

    private final AvatarStore avatars;
    private final AvatarImages images;

    public AvatarController(AvatarStore avatars, AvatarImages images) {
        this.avatars = avatars;
        this.images = images;
    }

    @Operation(operationId = "uploadAvatar", summary = "Upload the caller's avatar (JPEG, PNG or WebP)")
    @Problems({
        ProblemType.INVALID_IMAGE,
        ProblemType.UNSUPPORTED_IMAGE,
        ProblemType.AVATAR_TOO_LARGE,
        ProblemType.IMAGE_TOO_LARGE,
        ProblemType.AVATAR_BUSY
    })
    @PutMapping(path = "/api/users/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Map<String, String> upload(Caller caller, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ApiProblem.of(ProblemType.INVALID_IMAGE, "The file is empty.");
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            throw ApiProblem.of(ProblemType.AVATAR_TOO_LARGE, "An avatar may be at most 2 MB.");
        }
        UUID userId = caller.userId();
        String etag = avatars.save(userId, images.normalize(file.getBytes()));
        return Map.of("avatarUrl", "/api/users/" + userId + "/avatar", "etag", etag);
    }

    /** Idempotent: 204 whether or not there was a picture. */
    @Operation(operationId = "removeAvatar", summary = "Remove the caller's avatar")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/users/me/avatar")
    public ResponseEntity<Void> remove(Caller caller) {
        avatars.delete(caller.userId());
        return ResponseEntity.noContent().build();
    }

    /**
     * Public; caches keep it but ask again every time (If-None-Match answers 304 when the picture has not
     * changed), so a replaced or removed picture is never served from a cache.
     */
    @Operation(operationId = "getAvatar", summary = "An account's avatar image")
    @ApiResponse(
            responseCode = "200",
            description = "The image (JPEG, PNG or WebP) with its ETag",
            content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @GetMapping("/api/users/{id}/avatar")
    public ResponseEntity<byte[]> avatar(
            @PathVariable UUID id, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        var avatar =
                avatars.find(id).orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "This user has no avatar."));
        String etag = "\"" + avatar.etag() + "\"";
        var cache = CacheControl.noCache().cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cache)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(avatar.contentType()))
                .eTag(etag)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .body(avatar.image());
    }
}
