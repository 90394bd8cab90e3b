package org.flatracoon.netstack.bgp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.bgp.wire.Capability;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;
import org.flatracoon.netstack.bgp.wire.OpenMessage;
import org.junit.jupiter.api.Test;

class FsmTest {
    private static final OpenMessage OURS = OpenMessage.of(65001, 90, 0x0A000001L, List.of(Capability.multiprotocol(Family.IPV4)));
    private static final OpenMessage PEER = OpenMessage.of(65002, 30, 0x0A000002L, List.of(Capability.multiprotocol(Family.IPV4)));

    private final ManualTimers timers = new ManualTimers();
    private final List<String> log = new ArrayList<>();
    private Notification refuseOpen;
    private int establishedHold = -1;
    private boolean lastIdleWasEstablished;

    private final Fsm.Actions actions = new Fsm.Actions() {
        @Override
        public void connect() {
            log.add("connect");
        }

        @Override
        public void disconnect() {
            log.add("disconnect");
        }

        @Override
        public void send(byte[] message) {
            int type = message[18];
            if (type == Messages.NOTIFICATION) {
                log.add("send notification " + (message[19] & 0xFF) + "/" + (message[20] & 0xFF));
            } else {
                log.add("send " + Messages.typeName(type));
            }
        }

        @Override
        public Notification checkOpen(OpenMessage open) {
            return refuseOpen;
        }

        @Override
        public void established(OpenMessage peer, int holdSeconds) {
            establishedHold = holdSeconds;
            log.add("established");
        }

        @Override
        public void idle(String reason, boolean wasEstablished) {
            lastIdleWasEstablished = wasEstablished;
            log.add("idle: " + reason);
        }
    };

    private Fsm fsm(boolean passive) {
        return new Fsm(new Fsm.Settings(OURS, 90, 5, passive), timers, actions);
    }

    private Fsm established() {
        Fsm fsm = fsm(false);
        fsm.start();
        fsm.connected();
        fsm.openReceived(PEER);
        fsm.keepaliveReceived();
        log.clear();
        return fsm;
    }

    @Test
    void activeOpenReachesEstablishedWithTheSmallerHoldTime() {
        Fsm fsm = fsm(false);
        fsm.start();
        assertThat(fsm.state()).isEqualTo(State.CONNECT);
        fsm.connected();
        assertThat(fsm.state()).isEqualTo(State.OPEN_SENT);
        fsm.openReceived(PEER);
        assertThat(fsm.state()).isEqualTo(State.OPEN_CONFIRM);
        fsm.keepaliveReceived();
        assertThat(fsm.state()).isEqualTo(State.ESTABLISHED);
        assertThat(establishedHold).isEqualTo(30);
        assertThat(log).containsExactly("connect", "send open", "send keepalive", "established");
    }

    @Test
    void passiveWaitsInActiveAndNeverConnects() {
        Fsm fsm = fsm(true);
        fsm.start();
        assertThat(fsm.state()).isEqualTo(State.ACTIVE);
        fsm.startOnAcceptedConnection();
        assertThat(fsm.state()).isEqualTo(State.OPEN_SENT);
        assertThat(log).containsExactly("send open");
    }

    @Test
    void connectRetryTimerRetriesTheConnection() {
        Fsm fsm = fsm(false);
        fsm.start();
        timers.advanceSeconds(5);
        assertThat(fsm.state()).isEqualTo(State.CONNECT);
        assertThat(log).containsExactly("connect", "disconnect", "connect");
    }

    @Test
    void passiveConnectRetryMovesActiveToConnect() {
        Fsm fsm = fsm(true);
        fsm.start();
        timers.advanceSeconds(5);
        assertThat(fsm.state()).isEqualTo(State.CONNECT);
    }

    @Test
    void aFailedConnectionGoesIdle() {
        Fsm fsm = fsm(false);
        fsm.start();
        fsm.connectionFailed();
        assertThat(fsm.state()).isEqualTo(State.IDLE);
        assertThat(timers.pendingCount()).isZero();
    }

    @Test
    void connectionLostInOpenSentWaitsInActive() {
        Fsm fsm = fsm(false);
        fsm.start();
        fsm.connected();
        fsm.connectionFailed();
        assertThat(fsm.state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void keepalivesAreSentEveryThirdOfTheHoldTime() {
        Fsm fsm = established();
        timers.advanceSeconds(10);
        assertThat(log).containsExactly("send keepalive");
        fsm.keepaliveReceived();
        timers.advanceSeconds(10);
        assertThat(log).containsExactly("send keepalive", "send keepalive");
    }

    @Test
    void sendingAnUpdatePostponesTheKeepalive() {
        Fsm fsm = established();
        timers.advanceSeconds(9);
        fsm.messageSent();
        timers.advanceSeconds(9);
        assertThat(log).isEmpty();
    }

    @Test
    void holdTimerExpirySendsNotification4AndGoesIdle() {
        Fsm fsm = established();
        timers.advanceSeconds(29);
        fsm.keepaliveReceived();
        timers.advanceSeconds(29);
        assertThat(fsm.state()).isEqualTo(State.ESTABLISHED);
        timers.advanceSeconds(1);
        assertThat(fsm.state()).isEqualTo(State.IDLE);
        assertThat(log).contains("send notification 4/0");
        assertThat(lastIdleWasEstablished).isTrue();
    }

    @Test
    void holdTimeZeroMeansNoKeepalivesAndNoHoldTimer() {
        Fsm fsm = fsm(false);
        fsm.start();
        fsm.connected();
        fsm.openReceived(OpenMessage.of(65002, 0, 0x0A000002L, List.of()));
        fsm.keepaliveReceived();
        log.clear();
        timers.advanceSeconds(3600);
        assertThat(fsm.state()).isEqualTo(State.ESTABLISHED);
        assertThat(log).isEmpty();
    }

    @Test
    void theOpenSentHoldTimerIsFourMinutes() {
        Fsm fsm = fsm(false);
        fsm.start();
        fsm.connected();
        timers.advanceSeconds(239);
        assertThat(fsm.state()).isEqualTo(State.OPEN_SENT);
        timers.advanceSeconds(1);
        assertThat(fsm.state()).isEqualTo(State.IDLE);
        assertThat(log).contains("send notification 4/0");
    }

    @Test
    void aRefusedOpenSendsTheNotification() {
        refuseOpen = Notification.of(Notification.OPEN_ERROR, Notification.BAD_PEER_AS);
        Fsm fsm = fsm(false);
        fsm.start();
        fsm.connected();
        fsm.openReceived(PEER);
        assertThat(fsm.state()).isEqualTo(State.IDLE);
        assertThat(log).contains("send notification 2/2");
    }

    @Test
    void unexpectedMessagesAreFsmErrorsWithRfc6608Subcodes() {
        Fsm fsm = fsm(false);
        fsm.start();
        fsm.connected();
        fsm.keepaliveReceived();
        assertThat(log).contains("send notification 5/1");

        fsm = fsm(false);
        fsm.start();
        fsm.connected();
        fsm.openReceived(PEER);
        fsm.updateReceived();
        assertThat(log).contains("send notification 5/2");

        fsm = established();
        fsm.openReceived(PEER);
        assertThat(log).contains("send notification 5/3");
        assertThat(fsm.state()).isEqualTo(State.IDLE);
    }

    @Test
    void notificationReceivedGoesIdleWithoutSendingOne() {
        Fsm fsm = established();
        fsm.notificationReceived(Notification.of(6, 2));
        assertThat(fsm.state()).isEqualTo(State.IDLE);
        assertThat(log).containsExactly("disconnect", "idle: received NOTIFICATION 6/2 (Cease, Administrative Shutdown)");
    }

    @Test
    void stopSendsCeaseAndCancelsEveryTimer() {
        Fsm fsm = established();
        fsm.stop(Notification.of(Notification.CEASE, Notification.ADMINISTRATIVE_SHUTDOWN));
        assertThat(log).startsWith("send notification 6/2", "disconnect");
        assertThat(timers.pendingCount()).isZero();
    }

    @Test
    void messageErrorSendsItsNotification() {
        Fsm fsm = established();
        fsm.messageError(Notification.of(3, 1), "bad update");
        assertThat(log).startsWith("send notification 3/1");
        assertThat(fsm.state()).isEqualTo(State.IDLE);
    }

    @Test
    void ourOpenIsTheConfiguredOne() {
        List<byte[]> sent = new ArrayList<>();
        Fsm fsm = new Fsm(new Fsm.Settings(OURS, 90, 5, false), timers, new Fsm.Actions() {
            public void connect() {
            }

            public void disconnect() {
            }

            public void send(byte[] m) {
                sent.add(m);
            }

            public Notification checkOpen(OpenMessage o) {
                return null;
            }

            public void established(OpenMessage p, int h) {
            }

            public void idle(String r, boolean e) {
            }
        });
        fsm.start();
        fsm.connected();
        OpenMessage open = OpenMessage.decode(ByteBuffer.wrap(sent.get(0), 19, sent.get(0).length - 19)).value();
        assertThat(open).isEqualTo(OURS);
    }
}
