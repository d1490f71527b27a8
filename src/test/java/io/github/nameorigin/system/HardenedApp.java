package io.github.nameorigin.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port, serving the bundled checkpoint (loaded, never trained), with
 * four request threads so that a handful of slow clients would be enough to take them all, and a
 * five-second body timeout. Tests with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nameorigin.mode=load",
        "nameorigin.checkpoint-dir=data/checkpoint",
        "nameorigin.request.body-timeout=5s",
        "server.tomcat.threads.max=4",
        "server.tomcat.threads.min-spare=1"})
@interface HardenedApp {
}
