package dev.shopstack.catalog.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A category as an admin writes it (create or replace). */
public record CategoryRequest(
        @NotNull
        @Size(max = 80)
        @Pattern(
                regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be lower-case letters and digits separated by single hyphens")
        String slug,

        @NotBlank @Size(max = 120) String name,
        @Positive Long parentId) {}
