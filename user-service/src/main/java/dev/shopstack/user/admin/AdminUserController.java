package dev.shopstack.user.admin;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.Names;
import dev.shopstack.user.account.Role;
import dev.shopstack.user.account.UserView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('ADMIN')")
@Validated
public class AdminUserController {

    public record AdminUpdateRequest(
            @Size(max = 2) Set<Role> roles,
            Boolean locked,
            Boolean emailVerified,

            @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE)
            String firstName,

            @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE)
            String lastName,

            @Pattern(
                    regexp = "^$|^\\+[1-9][0-9]{6,14}$",
                    message = "must be in international format, e.g. +4915112345678")
            String phoneNumber,

            @Size(max = 500) String address) {}

    private final AdminUserService admin;

    public AdminUserController(AdminUserService admin) {
        this.admin = admin;
    }

    /** @param q a prefix of the email or username */
    @Operation(operationId = "listUsers", summary = "Search the accounts, a page at a time (admin)")
    @GetMapping
    public PagedModel<UserView> list(
            @RequestParam(required = false) @Size(max = 254) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var request = PageRequest.of(
                page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")));
        return new PagedModel<>(admin.list(q, request));
    }

    @Operation(operationId = "getUser", summary = "One account (admin)")
    @GetMapping("/{id}")
    public UserView get(@PathVariable UUID id) {
        return admin.get(id);
    }

    @Operation(operationId = "updateUser", summary = "Change an account's roles or lock it (admin)")
    @Problems({ProblemType.OWN_ROLES, ProblemType.NO_ROLES, ProblemType.LOCK_SELF})
    @PatchMapping("/{id}")
    public UserView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody AdminUpdateRequest body) {
        return admin.update(
                caller.userId(),
                id,
                new AdminUserService.AdminUpdate(
                        body.roles(),
                        body.locked(),
                        body.emailVerified(),
                        body.firstName(),
                        body.lastName(),
                        body.phoneNumber(),
                        body.address()));
    }

    @Operation(operationId = "deleteUser", summary = "Delete an account (admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Problems({ProblemType.DELETE_SELF})
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        admin.delete(caller.userId(), id);
        return ResponseEntity.noContent().build();
    }
}
