package dev.shopstack.catalog.stock;

/** RESERVED holds stock until it is confirmed, released or expires; CONFIRMED stock is sold. */
public enum ReservationStatus {
    RESERVED,
    CONFIRMED,
    RELEASED,
    EXPIRED
}
