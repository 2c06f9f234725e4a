package dev.shopstack.order.payment;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RefundController {

    private final Refunds refunds;

    public RefundController(Refunds refunds) {
        this.refunds = refunds;
    }

    /** Admins only: part or all of what is left of the payment. 201 with the refund as the provider left it. */
    @Operation(operationId = "refundOrder", summary = "Refund some or all of a paid order (admin)")
    @Problems({
        ProblemType.NOT_REFUNDABLE,
        ProblemType.REFUND_EXCEEDS_PAYMENT,
        ProblemType.INVALID_REFUND_AMOUNT,
        ProblemType.PAYMENT_REFERENCE_REQUIRED
    })
    @PostMapping("/api/orders/{id}/refunds")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    public RefundView refund(Caller caller, @PathVariable UUID id, @Valid @RequestBody RefundRequest request) {
        return refunds.request(caller, id, request);
    }

    /** The order's owner (without admin details) or an admin. */
    @Operation(operationId = "listRefunds", summary = "An order's refunds")
    @GetMapping("/api/orders/{id}/refunds")
    public OrderRefundsView list(Caller caller, @PathVariable UUID id) {
        return refunds.list(caller, id);
    }
}
