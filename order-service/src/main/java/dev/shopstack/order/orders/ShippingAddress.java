package dev.shopstack.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where the order goes. Personal data: erased when the customer's account is deleted. */
@Embeddable
public record ShippingAddress(
        @NotBlank @Size(max = 100) @Column(name = "ship_name")
        String name,

        @NotBlank @Size(max = 200) @Column(name = "ship_line1")
        String line1,

        @Size(max = 200) @Column(name = "ship_line2") String line2,

        @NotBlank @Size(max = 20) @Column(name = "ship_postal_code")
        String postalCode,

        @NotBlank @Size(max = 100) @Column(name = "ship_city")
        String city,

        @NotBlank
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        @Column(name = "ship_country")
        String country) {}
