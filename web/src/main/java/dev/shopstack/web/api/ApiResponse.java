package dev.shopstack.web.api;

import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A successful API answer: status, headers (ETag...) and the JSON body (a missing node when there is none). */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body) {

    public String etag() {
        return headers.getETag();
    }
}
