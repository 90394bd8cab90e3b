package org.flatracoon.netstack.bgp.fsm;

import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;
import org.flatracoon.netstack.bgp.wire.OpenMessage;

/**
 * The BGP finite state machine of RFC 4271 §8 for one connection, as a pure object: events come in as method
 * calls, effects go out through {@link Actions}, time comes from a {@link TimerService}. It owns the
 * ConnectRetry, Hold and Keepalive timers. Collisions (§6.8) are resolved by the owner of two FSMs, in
 * {@link Actions#checkOpen}.
 */
public final class Fsm {
    /** A large hold time while waiting for the peer's OPEN (§8: "suggested value … 4 minutes"). */
    public static final int OPEN_HOLD_SECONDS = 240;

    /** What the state machine asks its connection to do. */
    public interface Actions {
        /** Start an outgoing TCP connection; report with {@link #connected()} or {@link #connectionFailed()}. */
        void connect();

        /** Close this FSM's TCP connection (after any NOTIFICATION given to {@link #send}). */
        void disconnect();

        void send(byte[] message);

        /**
         * Checks a received OPEN against the configuration (peer AS, identifier, families) and resolves a
         * collision: null to go on, or the NOTIFICATION to send and close with.
         */
        Notification checkOpen(OpenMessage open);

        void established(OpenMessage peer, int holdSeconds);

        /** Back to Idle; {@code wasEstablished} says whether routes must be flushed. */
        void idle(String reason, boolean wasEstablished);
    }

    /** Per-session settings: our OPEN, the hold time we offer, ConnectRetry, passive. */
    public record Settings(OpenMessage open, int holdSeconds, int connectRetrySeconds, boolean passive) {
    }

    private final Settings settings;
    private final TimerService timers;
    private final Actions actions;
    private State state = State.IDLE;
    private TimerService.Timer connectRetry;
    private TimerService.Timer hold;
    private TimerService.Timer keepalive;
    private int negotiatedHold;
    private OpenMessage peerOpen;

    public Fsm(Settings settings, TimerService timers, Actions actions) {
        this.settings = settings;
        this.timers = timers;
        this.actions = actions;
    }

    public State state() {
        return state;
    }

    public int negotiatedHold() {
        return negotiatedHold;
    }

    public OpenMessage peerOpen() {
        return peerOpen;
    }

    // ---- administrative events (1-8) ----

    /** ManualStart / AutomaticStart (events 1, 3; 4, 5 when passive). */
    public void start() {
        if (state != State.IDLE) {
            return;
        }
        startConnectRetry();
        if (settings.passive()) {
            state = State.ACTIVE;
        } else {
            state = State.CONNECT;
            actions.connect();
        }
    }

    /** Starts on a connection that the peer opened (passive side of a collision or of an Active FSM). */
    public void startOnAcceptedConnection() {
        if (state == State.IDLE) {
            state = State.ACTIVE;
        }
        connected();
    }

    /** ManualStop / AutomaticStop (events 2, 8): a Cease with the given subcode if a session exists. */
    public void stop(Notification cease) {
        if (state == State.IDLE) {
            return;
        }
        if (state == State.OPEN_SENT || state == State.OPEN_CONFIRM || state == State.ESTABLISHED) {
            actions.send(Messages.notification(cease));
        }
        toIdle("stopped: " + cease.describe());
    }

    // ---- TCP events (14-18) ----

    /** Tcp_CR_Acked / TcpConnectionConfirmed (16, 17). */
    public void connected() {
        switch (state) {
            case CONNECT, ACTIVE -> {
                cancel(connectRetry);
                connectRetry = null;
                actions.send(settings.open().encode());
                hold = restart(hold, OPEN_HOLD_SECONDS * 1000L, this::holdExpired);
                state = State.OPEN_SENT;
            }
            default -> {
            }
        }
    }

    /** TcpConnectionFails (18). */
    public void connectionFailed() {
        switch (state) {
            case CONNECT -> {
                cancel(connectRetry);
                connectRetry = null;
                toIdle("connection failed");
            }
            case ACTIVE -> toIdle("connection failed");
            case OPEN_SENT -> {
                // §8.2.2: close, restart ConnectRetry and wait for the peer in Active
                actions.disconnect();
                cancel(hold);
                hold = null;
                startConnectRetry();
                state = State.ACTIVE;
            }
            case OPEN_CONFIRM, ESTABLISHED -> toIdle("connection closed by peer");
            default -> {
            }
        }
    }

    // ---- timer events (9-11) ----

    private void connectRetryExpired() {
        connectRetry = null;
        switch (state) {
            case CONNECT -> {
                actions.disconnect();
                startConnectRetry();
                actions.connect();
            }
            case ACTIVE -> {
                startConnectRetry();
                state = State.CONNECT;
                actions.connect();
            }
            default -> {
            }
        }
    }

    private void holdExpired() {
        hold = null;
        if (state == State.OPEN_SENT || state == State.OPEN_CONFIRM || state == State.ESTABLISHED) {
            actions.send(Messages.notification(Notification.of(Notification.HOLD_TIMER_EXPIRED, 0)));
            toIdle("hold timer expired");
        }
    }

    private void keepaliveExpired() {
        keepalive = null;
        if (state == State.OPEN_CONFIRM || state == State.ESTABLISHED) {
            actions.send(Messages.keepalive());
            messageSent();
        }
    }

    // ---- message events (19-28) ----

    public void openReceived(OpenMessage open) {
        switch (state) {
            case OPEN_SENT -> {
                Notification problem = actions.checkOpen(open);
                if (problem != null) {
                    actions.send(Messages.notification(problem));
                    toIdle("OPEN refused: " + problem.describe());
                    return;
                }
                peerOpen = open;
                negotiatedHold = Math.min(settings.holdSeconds(), open.holdTime());
                actions.send(Messages.keepalive());
                if (negotiatedHold > 0) {
                    hold = restart(hold, negotiatedHold * 1000L, this::holdExpired);
                    keepalive = restart(keepalive, keepaliveMillis(), this::keepaliveExpired);
                } else {
                    cancel(hold);
                    hold = null;
                }
                state = State.OPEN_CONFIRM;
            }
            case OPEN_CONFIRM -> fsmError(Notification.FSM_IN_OPEN_CONFIRM, "OPEN in OpenConfirm");
            case ESTABLISHED -> fsmError(Notification.FSM_IN_ESTABLISHED, "OPEN in Established");
            case CONNECT, ACTIVE -> fsmError(Notification.FSM_UNSPECIFIED, "OPEN before our OPEN");
            default -> {
            }
        }
    }

    public void keepaliveReceived() {
        switch (state) {
            case OPEN_SENT -> fsmError(Notification.FSM_IN_OPEN_SENT, "KEEPALIVE in OpenSent");
            case OPEN_CONFIRM -> {
                restartHold();
                state = State.ESTABLISHED;
                actions.established(peerOpen, negotiatedHold);
            }
            case ESTABLISHED -> restartHold();
            default -> {
            }
        }
    }

    /** An UPDATE or ROUTE-REFRESH (both only valid in Established). */
    public void updateReceived() {
        switch (state) {
            case OPEN_SENT -> fsmError(Notification.FSM_IN_OPEN_SENT, "UPDATE in OpenSent");
            case OPEN_CONFIRM -> fsmError(Notification.FSM_IN_OPEN_CONFIRM, "UPDATE in OpenConfirm");
            case ESTABLISHED -> restartHold();
            default -> {
            }
        }
    }

    public void notificationReceived(Notification notification) {
        if (state != State.IDLE) {
            toIdle("received NOTIFICATION " + notification.describe());
        }
    }

    /** A header, OPEN or UPDATE error that calls for a NOTIFICATION and a reset (events 21, 22, 28). */
    public void messageError(Notification notification, String reason) {
        if (state == State.IDLE) {
            return;
        }
        if (state == State.OPEN_SENT || state == State.OPEN_CONFIRM || state == State.ESTABLISHED) {
            actions.send(Messages.notification(notification));
        }
        toIdle(reason + ": sent NOTIFICATION " + notification.describe());
    }

    /** We sent a KEEPALIVE or UPDATE: the keepalive timer starts over (§4.4). */
    public void messageSent() {
        if ((state == State.OPEN_CONFIRM || state == State.ESTABLISHED) && negotiatedHold > 0) {
            keepalive = restart(keepalive, keepaliveMillis(), this::keepaliveExpired);
        }
    }

    private void fsmError(int subcode, String what) {
        actions.send(Messages.notification(Notification.of(Notification.FSM_ERROR, subcode)));
        toIdle("unexpected message: " + what);
    }

    private long keepaliveMillis() {
        return Math.max(1, negotiatedHold / 3) * 1000L;
    }

    private void restartHold() {
        if (negotiatedHold > 0) {
            hold = restart(hold, negotiatedHold * 1000L, this::holdExpired);
        }
    }

    private void startConnectRetry() {
        connectRetry = restart(connectRetry, settings.connectRetrySeconds() * 1000L, this::connectRetryExpired);
    }

    private TimerService.Timer restart(TimerService.Timer timer, long millis, Runnable task) {
        cancel(timer);
        return timers.schedule(millis, task);
    }

    private static void cancel(TimerService.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void toIdle(String reason) {
        boolean wasEstablished = state == State.ESTABLISHED;
        cancel(connectRetry);
        cancel(hold);
        cancel(keepalive);
        connectRetry = null;
        hold = null;
        keepalive = null;
        negotiatedHold = 0;
        state = State.IDLE;
        actions.disconnect();
        actions.idle(reason, wasEstablished);
    }
}
