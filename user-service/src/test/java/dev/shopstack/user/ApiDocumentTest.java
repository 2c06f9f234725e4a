package dev.shopstack.user;

import dev.shopstack.platform.test.ApiDocumentContract;

/** The served OpenAPI document is the one in docs/api (the checks are platform-test's). */
class ApiDocumentTest extends IntegrationTestSupport implements ApiDocumentContract {}
