package dev.shopstack.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
public class DeliveryLogController {

    private final DeliveryLog log;

    public DeliveryLogController(DeliveryLog log) {
        this.log = log;
    }

    /**
     * The delivery log, newest first, optionally filtered by status, event type and recipient (exact address,
     * any case). Admins only: it holds every customer's email address.
     */
    @Operation(operationId = "listDeliveries", summary = "The log of mails sent and failed, a page at a time (admin)")
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    public PagedModel<DeliveryView> list(
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) @Size(max = 64) String type,
            @RequestParam(required = false) @Size(max = 254) String recipient,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        return new PagedModel<>(log.search(status, type, recipient, request));
    }
}
