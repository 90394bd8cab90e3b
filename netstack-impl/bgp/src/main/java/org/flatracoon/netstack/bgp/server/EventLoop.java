package org.flatracoon.netstack.bgp.server;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.flatracoon.netstack.bgp.fsm.TimerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speaker's single thread: sockets (NIO selector), timers and tasks from other threads all run here, so the
 * RIB and the state machines need no locks. A failing handler is logged and the loop goes on.
 */
public final class EventLoop implements TimerService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
    private long sequence;
    private volatile boolean running = true;

    private final class Scheduled implements Timer, Comparable<Scheduled> {
        final long due;
        final long order = sequence++;
        final Runnable task;
        boolean cancelled;

        Scheduled(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Scheduled o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(order, o.order);
        }
    }

    public EventLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean started() {
        return thread.isAlive();
    }

    public boolean running() {
        return running;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the loop (later, even when called from the loop). */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs the task on the loop and hands back its result. */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Must be called on the loop (the FSMs and sessions only run there). */
    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        Scheduled s = new Scheduled(nowMillis() + delayMillis, task);
        if (inLoop()) {
            timers.add(s);
        } else {
            execute(() -> timers.add(s));
        }
        return s;
    }

    @Override
    public long nowMillis() {
        return System.nanoTime() / 1_000_000;
    }

    /** Registers a channel; the handler gets each ready key. Call on the loop. */
    public SelectionKey register(SelectableChannel channel, int ops, Consumer<SelectionKey> handler) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
    }

    private void run() {
        while (running) {
            try {
                long wait = 0;
                Scheduled next = timers.peek();
                if (next != null) {
                    wait = Math.max(1, next.due - nowMillis());
                }
                if (!tasks.isEmpty()) {
                    selector.selectNow();
                } else {
                    selector.select(wait);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    @SuppressWarnings("unchecked")
                    Consumer<SelectionKey> handler = (Consumer<SelectionKey>) key.attachment();
                    safely(() -> handler.accept(key));
                }
                selector.selectedKeys().clear();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    safely(task);
                }
                long now = nowMillis();
                while ((next = timers.peek()) != null && next.due <= now) {
                    timers.poll();
                    if (!next.cancelled) {
                        safely(next.task);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("bgp: event loop: {}", e.toString(), e);
            } catch (Error e) {
                LOG.error("bgp: fatal: {}; the speaker stops", e.toString());
                running = false;
                fatal.accept(e);
            }
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("bgp: handler failed: {}", e.toString(), e);
        } catch (Error e) {
            // out of memory or worse: the RIB may be half-updated, so stop rather than serve wrong routes
            LOG.error("bgp: fatal: {}; the speaker stops", e.toString());
            running = false;
            fatal.accept(e);
        }
    }

    private volatile java.util.function.Consumer<Error> fatal = e -> { };

    /** What to do after a fatal error stopped the loop (the command exits; tests look). */
    public void onFatal(java.util.function.Consumer<Error> handler) {
        fatal = handler;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing selector: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
