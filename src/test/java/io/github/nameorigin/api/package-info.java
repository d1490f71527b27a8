/**
 * Tests of the service's HTTP contract as a whole: its OpenAPI description against real answers.
 */
package io.github.nameorigin.api;
