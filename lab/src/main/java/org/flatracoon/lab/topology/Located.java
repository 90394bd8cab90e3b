package org.flatracoon.lab.topology;

/** A value read from the file with the line it was written on, so later checks can point at it. */
record Located<T>(T value, int line) {
}
