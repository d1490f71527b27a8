/**
 * The name-origin service: predicts the language of origin of a surname with a character-level
 * recurrent network (DJL on PyTorch) behind a Spring Boot REST API.
 */
package io.github.nameorigin;
