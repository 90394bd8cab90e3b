package org.flatracoon.netstack.bgp.wire;

/**
 * What an erroneous UPDATE calls for (RFC 7606 §2): withdraw its routes and keep the session, or send the
 * NOTIFICATION and reset it. (Attribute-discard is not an error result: the UPDATE is used without the
 * attribute, see {@link UpdateMessage#discarded()}.)
 */
public record UpdateError(Action action, Notification notification, String reason) {
    public enum Action {
        TREAT_AS_WITHDRAW("treat-as-withdraw"),
        SESSION_RESET("session-reset");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static UpdateError withdraw(int subcode, String reason) {
        return new UpdateError(Action.TREAT_AS_WITHDRAW, Notification.of(Notification.UPDATE_ERROR, subcode), reason);
    }

    public static UpdateError reset(Notification notification, String reason) {
        return new UpdateError(Action.SESSION_RESET, notification, reason);
    }

    public boolean resetsSession() {
        return action == Action.SESSION_RESET;
    }

    @Override
    public String toString() {
        return action.label + ": " + reason + (action == Action.SESSION_RESET ? " (" + notification.describe() + ")" : "");
    }
}
