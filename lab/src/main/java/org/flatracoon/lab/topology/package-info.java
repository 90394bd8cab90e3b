/**
 * Topology files and the resolved lab model.
 *
 * <p>A topology file uses containerlab's schema ({@code name}, {@code topology.defaults},
 * {@code topology.kinds}, {@code topology.nodes}, {@code topology.links}); containerlab keys this
 * lab does not implement are reported as such rather than ignored. {@link
 * org.flatracoon.lab.topology.TopologyLoader} turns a file into an immutable {@link
 * org.flatracoon.lab.topology.Topology} or throws a {@link
 * org.flatracoon.lab.topology.TopologyException} listing every problem with its line. Kinds are
 * not known here: the loader asks a {@link org.flatracoon.lab.topology.KindCatalog}.
 *
 * <p>Only the model records, the loader, its exception and problem, and the IP value types are
 * public; the raw-YAML and resolving stages are package-private so they can change freely.
 */
package org.flatracoon.lab.topology;
