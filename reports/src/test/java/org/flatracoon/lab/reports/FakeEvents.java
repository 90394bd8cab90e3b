package org.flatracoon.lab.reports;

import io.cucumber.plugin.event.Argument;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.HookType;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Step;
import io.cucumber.plugin.event.StepArgument;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestStep;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small test doubles for Cucumber's plugin API: a publisher that dispatches, a test case, steps. */
final class FakeEvents {

    private FakeEvents() {
    }

    /** Dispatches each event to the handlers registered for its exact class, as Cucumber's bus does. */
    static final class Publisher implements EventPublisher {
        private final Map<Class<?>, List<EventHandler<?>>> handlers = new LinkedHashMap<>();

        @Override
        public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
            handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
        }

        @Override
        public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {
            handlers.getOrDefault(type, new ArrayList<>()).remove(handler);
        }

        @SuppressWarnings("unchecked")
        void publish(Object event) {
            for (EventHandler<?> handler : handlers.getOrDefault(event.getClass(), List.of())) {
                ((EventHandler<Object>) handler).receive(event);
            }
        }
    }

    @SuppressWarnings("deprecation") // the interface still declares them, so a double must implement them
    record FakeTestCase(UUID id, URI uri, String keyword, String name, int line, List<String> tags,
                        List<TestStep> steps) implements TestCase {

        static FakeTestCase scenario(String featureFile, String name, int line, List<String> tags, TestStep... steps) {
            return new FakeTestCase(UUID.randomUUID(), URI.create("classpath:features/" + featureFile),
                    "Scenario", name, line, tags, List.of(steps));
        }

        FakeTestCase withKeyword(String newKeyword) {
            return new FakeTestCase(UUID.randomUUID(), uri, newKeyword, name, line, tags, steps);
        }

        @Override public Integer getLine() { return line; }
        @Override public Location getLocation() { return new Location(line, 3); }
        @Override public String getKeyword() { return keyword; }
        @Override public String getName() { return name; }
        @Override public String getScenarioDesignation() { return uri + ":" + line + " # " + name; }
        @Override public List<String> getTags() { return tags; }
        @Override public List<TestStep> getTestSteps() { return steps; }
        @Override public URI getUri() { return uri; }
        @Override public UUID getId() { return id; }
    }

    @SuppressWarnings("deprecation")
    record FakeStep(String keyword, String text, int line) implements PickleStepTestStep, Step {

        static FakeStep given(String text, int line) {
            return new FakeStep("Given ", text, line);
        }

        static FakeStep then(String text, int line) {
            return new FakeStep("Then ", text, line);
        }

        @Override public String getPattern() { return text; }
        @Override public Step getStep() { return this; }
        @Override public List<Argument> getDefinitionArgument() { return List.of(); }
        @Override public StepArgument getStepArgument() { return null; }
        @Override public int getStepLine() { return line; }
        @Override public URI getUri() { return URI.create("classpath:features/x.feature"); }
        @Override public String getStepText() { return text; }
        @Override public String getCodeLocation() { return "Steps.step()"; }
        @Override public UUID getId() { return UUID.nameUUIDFromBytes((keyword + text + line).getBytes()); }
        @Override public StepArgument getArgument() { return null; }
        @Override public String getKeyword() { return keyword; }
        @Override public String getText() { return text; }
        @Override public int getLine() { return line; }
        @Override public Location getLocation() { return new Location(line, 5); }
    }

    record FakeHook(HookType type, String codeLocation) implements HookTestStep {
        @Override public HookType getHookType() { return type; }
        @Override public String getCodeLocation() { return codeLocation; }
        @Override public UUID getId() { return UUID.nameUUIDFromBytes(codeLocation.getBytes()); }
    }
}
