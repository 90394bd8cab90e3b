package org.flatracoon.lab.docker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that brings real containers up. It runs only when a Docker engine answers
 * and the lab's own images are built; otherwise it is skipped, and the skip says why and what to
 * run (`just docker`, `just images`), so `mvn verify` on a machine without Docker stays green.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerAvailable.class)
public @interface RequiresDocker {
}
