package dev.shopstack.order.payment;

import dev.shopstack.platform.caller.Caller;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {

    private final PaymentService payments;

    public PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /** 201 when recorded now, 200 with the recorded payment when it is repeated. */
    @PostMapping("/api/orders/{id}/payment")
    public ResponseEntity<PaymentView> pay(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody PaymentRequest request) {
        var recorded = payments.pay(caller, id, request);
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(recorded.payment());
    }
}
