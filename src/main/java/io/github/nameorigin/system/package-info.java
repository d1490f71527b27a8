/**
 * Cross-cutting concerns: the configuration tree, error handling (every error, in or outside a
 * controller, is an RFC 9457 problem detail), the model health indicator that gates the readiness
 * probe, and the model section of the info endpoint.
 */
package io.github.nameorigin.system;
