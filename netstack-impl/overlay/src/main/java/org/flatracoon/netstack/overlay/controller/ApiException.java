package org.flatracoon.netstack.overlay.controller;

import org.flatracoon.netstack.overlay.http.HttpService.HttpError;

/** A request the controller API refuses, with the HTTP status and a message naming what is wrong. */
public final class ApiException extends HttpError {
    private static final long serialVersionUID = 1L;

    public ApiException(int status, String message) {
        super(status, message);
    }
}
