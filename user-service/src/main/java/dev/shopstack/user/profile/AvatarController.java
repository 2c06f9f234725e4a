package dev.shopstack.user.profile;

import dev.shopstack.user.support.ApiProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class AvatarController {

    static final long MAX_UPLOAD_BYTES = 2L * 1024 * 1024;

    private final AvatarStore avatars;

    public AvatarController(AvatarStore avatars) {
        this.avatars = avatars;
    }

    @PutMapping(path = "/api/users/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Map<String, String> upload(@AuthenticationPrincipal Jwt jwt, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw ApiProblem.badRequest("invalid-image", "The file is empty.");
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "avatar-too-large", "Payload too large",
                    "An avatar may be at most 2 MB.");
        }
        UUID userId = CurrentUser.of(jwt).id();
        String etag = avatars.save(userId, AvatarImages.normalize(file.getBytes()));
        return Map.of("avatarUrl", "/api/users/" + userId + "/avatar", "etag", etag);
    }

    /** Public, cacheable; If-None-Match answers 304 when the picture has not changed. */
    @GetMapping("/api/users/{id}/avatar")
    public ResponseEntity<byte[]> avatar(@PathVariable UUID id,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        var avatar = avatars.find(id).orElseThrow(() -> ApiProblem.notFound("This user has no avatar."));
        String etag = "\"" + avatar.etag() + "\"";
        var cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(avatar.contentType())).eTag(etag)
                .cacheControl(cache).header("X-Content-Type-Options", "nosniff").body(avatar.image());
    }
}
