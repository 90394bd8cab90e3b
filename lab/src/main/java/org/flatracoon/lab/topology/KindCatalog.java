package org.flatracoon.lab.topology;

import java.util.Optional;
import java.util.Set;

/**
 * What the loader needs to know about node kinds. Kinds live elsewhere and register
 * themselves; the loader only asks these questions, so it never hard-codes a kind.
 */
public interface KindCatalog {

    boolean knows(String kind);

    /** Every known kind, used to list the choices when a file names an unknown one. */
    Set<String> names();

    /** The image a node of this kind runs when the file gives none; empty if it must be given. */
    Optional<String> defaultImage(String kind);

    boolean acceptsStartupConfig(String kind);
}
