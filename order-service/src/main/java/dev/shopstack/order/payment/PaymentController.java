package dev.shopstack.order.payment;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {

    private final PaymentService payments;

    public PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /** 201 when recorded now, 200 with the recorded payment when it is repeated. */
    @Operation(
            operationId = "payOrder",
            summary = "Pay an order, by card or (admin) recorded by hand; a repeat answers the first payment (200)")
    @ResponseStatus(HttpStatus.CREATED)
    @Problems({
        ProblemType.PAYMENT_METHOD_NOT_ALLOWED,
        ProblemType.UNKNOWN_PAYMENT_METHOD,
        ProblemType.PAYMENT_REFERENCE_REQUIRED,
        ProblemType.PAYMENT_MISMATCH,
        ProblemType.ILLEGAL_STATUS_TRANSITION,
        ProblemType.ORDER_CHANGED,
        ProblemType.RESERVATION_GONE
    })
    @PostMapping("/api/orders/{id}/payment")
    public ResponseEntity<PaymentView> pay(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody PaymentRequest request) {
        var recorded = payments.pay(caller, id, request);
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(recorded.payment());
    }
}
