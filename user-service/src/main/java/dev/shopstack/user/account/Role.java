package dev.shopstack.user.account;

public enum Role {
    CUSTOMER,
    ADMIN
}
