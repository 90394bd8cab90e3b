package org.flatracoon.lab.reports;

/**
 * An attachment as it was saved into the evidence folder.
 *
 * @param file   the file name inside the scenario's evidence folder
 * @param name   the name the step gave it (may be null)
 * @param step   the step that was running when it was attached, or null (hooks)
 */
record SavedAttachment(String file, String name, String mediaType, int bytes, String step) {
}
