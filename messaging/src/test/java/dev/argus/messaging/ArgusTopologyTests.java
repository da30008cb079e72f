package dev.argus.messaging;

import static dev.argus.messaging.QueueProperties.CLASSIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanRequested;
import dev.argus.common.message.WorkClass;
import dev.argus.messaging.ArgusTopology.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.core.Queue;

/** What each process declares: the queues it consumes and every queue its messages are routed to. */
class ArgusTopologyTests {

    private static final List<String> ENGINES = List.of("clamav", "yara");

    /** role; exchanges (name:type); queues; bindings (queue <- exchange [key]). */
    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(Role.FRONTEND,
                        Set.of("argus.brain:direct", "argus.results:topic", "argus.frontend:direct",
                                "argus.live:fanout", "argus.dead-letters:fanout"),
                        Set.of("argus.brain.scans", "argus.frontend.results", "argus.frontend.probes",
                                "argus.parked"),
                        Set.of("argus.brain.scans <- argus.brain [scan]",
                                "argus.frontend.results <- argus.results [#]",
                                "argus.frontend.probes <- argus.frontend [probes]",
                                "argus.parked <- argus.dead-letters []")),
                Arguments.of(Role.BRAIN,
                        Set.of("argus.brain:direct", "argus.registry:direct", "argus.probes:direct",
                                "argus.results:topic", "argus.frontend:direct", "argus.dead-letters:fanout"),
                        Set.of("argus.brain.scans", "argus.brain.probes", "argus.brain.results",
                                "argus.frontend.results", "argus.frontend.probes", "argus.parked"),
                        Set.of("argus.brain.scans <- argus.brain [scan]",
                                "argus.brain.probes <- argus.registry [probe]",
                                "argus.brain.results <- argus.results [probe.*]",
                                "argus.frontend.results <- argus.results [#]",
                                "argus.frontend.probes <- argus.frontend [probes]",
                                "argus.parked <- argus.dead-letters []")),
                Arguments.of(Role.PROBE,
                        Set.of(),
                        Set.of("argus.probe.clamav", "argus.probe.yara"),
                        Set.of("argus.probe.clamav <- argus.probes [clamav]",
                                "argus.probe.yara <- argus.probes [yara]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void eachRoleDeclaresExactlyItsExchangesQueuesAndBindings(Role role, Set<String> exchanges, Set<String> queues,
                                                              Set<String> bindings) {
        Declarables declarables = ArgusTopology.declarables(role, ENGINES, CLASSIC);

        assertThat(declarables.getDeclarablesByType(Exchange.class)).extracting(e -> e.getName() + ":" + e.getType())
                .containsExactlyInAnyOrderElementsOf(exchanges);
        assertThat(declarables.getDeclarablesByType(Queue.class)).extracting(Queue::getName)
                .containsExactlyInAnyOrderElementsOf(queues);
        assertThat(declarables.getDeclarablesByType(Binding.class)).extracting(ArgusTopologyTests::describe)
                .containsExactlyInAnyOrderElementsOf(bindings);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void everythingARoleDeclaresIsDurableAndWithoutArgumentsByDefaultButTheEngineQueuesPriorities(Role role) {
        Declarables declarables = ArgusTopology.declarables(role, ENGINES, CLASSIC);

        assertThat(declarables.getDeclarablesByType(Exchange.class)).allSatisfy(e -> {
            assertThat(e.isDurable()).as(e.getName()).isTrue();
            assertThat(e.isAutoDelete()).as(e.getName()).isFalse();
            assertThat(e.getArguments()).as(e.getName()).isEmpty();
        });
        assertThat(declarables.getDeclarablesByType(Queue.class)).allSatisfy(q -> {
            assertThat(q.isDurable()).as(q.getName()).isTrue();
            assertThat(q.isExclusive()).as(q.getName()).isFalse();
            assertThat(q.isAutoDelete()).as(q.getName()).isFalse();
            assertThat(q.getArguments()).as(q.getName()).isEqualTo(q.getName().startsWith(Topology.PROBE_QUEUE_PREFIX)
                    ? Map.of(ArgusTopology.MAX_PRIORITY, WorkClass.MAX_PRIORITY) : Map.of());
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void quorumQueuesCarryTheirTypeAndTheDeliveryLimitButTheParkedQueueHasNoLimit(Role role) {
        Declarables declarables = ArgusTopology.declarables(role, ENGINES, QueueProperties.quorum(7));

        assertThat(declarables.getDeclarablesByType(Queue.class)).isNotEmpty().allSatisfy(q -> {
            assertThat(q.isDurable()).as(q.getName()).isTrue();
            assertThat(q.isExclusive()).as(q.getName()).isFalse();
            assertThat(q.isAutoDelete()).as(q.getName()).isFalse();
            assertThat(q.getArguments()).as(q.getName()).isEqualTo(q.getName().equals(Topology.DEAD_LETTER_QUEUE)
                    ? Map.of("x-queue-type", "quorum")
                    : Map.of("x-queue-type", "quorum", "x-delivery-limit", 7));
        });
        assertThat(declarables.getDeclarablesByType(Exchange.class)).allSatisfy(e ->
                assertThat(e.getArguments()).as(e.getName()).isEmpty());
    }

    @Test
    void everyProcessDeclaresASharedQueueWithTheSameArguments() {
        for (QueueProperties queues : List.of(CLASSIC, QueueProperties.quorum(20))) {
            Map<String, Set<Map<String, Object>>> arguments = Stream.of(
                            ArgusTopology.declarables(Role.FRONTEND, ENGINES, queues),
                            ArgusTopology.declarables(Role.BRAIN, ENGINES, queues),
                            ArgusTopology.declarables(Role.PROBE, ENGINES, queues),
                            ArgusTopology.probeQueue("clamav", queues), ArgusTopology.probeQueue("yara", queues))
                    .flatMap(d -> d.getDeclarablesByType(Queue.class).stream())
                    .collect(Collectors.groupingBy(Queue::getName,
                            Collectors.mapping(Queue::getArguments, Collectors.toSet())));

            assertThat(arguments).as(queues.toString()).allSatisfy((queue, declared) ->
                    assertThat(declared).as(queue).hasSize(1));
        }
    }

    @Test
    void aFrontendsLiveQueueStaysClassicWithQuorumQueues() {
        Queue queue = ArgusTopology.liveQueue("web-1").getDeclarablesByType(Queue.class).getFirst();

        assertThat(queue.isExclusive()).isTrue();
        assertThat(queue.isAutoDelete()).isTrue();
        assertThat(queue.getArguments()).isEmpty();
    }

    /**
     * role; the messages it publishes; the queues each must reach (declared by the publisher itself, or for a probe,
     * which declares no exchange, by the brain).
     */
    static Stream<Arguments> routes() {
        UUID scan = UUID.randomUUID();
        ResultsReported results = new ResultsReported("p", List.of(), Instant.now());
        return Stream.of(
                Arguments.of(Role.FRONTEND, Routes.scanRequested(new ScanRequested(scan, List.of(), List.of(), false,
                        Instant.now())), Set.of("argus.brain.scans")),
                Arguments.of(Role.FRONTEND, Routes.cancelScan(new CancelScan(scan, Instant.now())),
                        Set.of("argus.brain.scans")),
                Arguments.of(Role.BRAIN, Routes.brainResults(results), Set.of("argus.frontend.results")),
                Arguments.of(Role.BRAIN, Routes.directory(new ProbeDirectoryUpdated(List.of(), Instant.now())),
                        Set.of("argus.frontend.probes")),
                Arguments.of(Role.PROBE, Routes.probeResults("clamav", results),
                        Set.of("argus.brain.results", "argus.frontend.results")),
                Arguments.of(Role.PROBE, Routes.registration(new ProbeRegistered("i", List.of(), true,
                        Instant.now())), Set.of("argus.brain.probes")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void eachMessageARolePublishesReachesQueuesThatRoleDeclared(Role role, OutboundMessage route,
                                                                Set<String> queues) {
        Declarables declarables = ArgusTopology.declarables(role == Role.PROBE ? Role.BRAIN : role, ENGINES, CLASSIC);

        assertThat(routedTo(declarables, route)).containsExactlyInAnyOrderElementsOf(queues);
    }

    @Test
    void aProbeDeclaresNoExchangeAndWaitsForTheOnesItUses() {
        assertThat(ArgusTopology.declarables(Role.PROBE, ENGINES, CLASSIC).getDeclarablesByType(Exchange.class))
                .isEmpty();
        assertThat(ArgusTopology.declarables(Role.BRAIN, List.of(), CLASSIC).getDeclarablesByType(Exchange.class))
                .extracting(Exchange::getName).containsAll(ArgusTopology.PROBE_EXCHANGES);
    }

    @Test
    void jobsForAProbeReachItsQueueAsTheBrainDeclaresItOnRegistration() {
        Declarables declarables = ArgusTopology.probeQueue("clamav", CLASSIC);

        assertThat(routedTo(declarables, Routes.scanFiles(new ScanFiles("clamav", List.of()))))
                .containsExactly("argus.probe.clamav");
        assertThat(routedTo(declarables, Routes.scanFiles(new ScanFiles("yara", List.of())))).isEmpty();
    }

    @Test
    void theBrainsOwnResultsReachTheFrontendsButNotTheBrain() {
        Declarables brain = ArgusTopology.declarables(Role.BRAIN, List.of(), CLASSIC);

        assertThat(routedTo(brain, Routes.brainResults(new ResultsReported("brain", List.of(), Instant.now()))))
                .doesNotContain(Topology.BRAIN_RESULTS_QUEUE);
        assertThat(routedTo(brain, Routes.probeResults("clamav", new ResultsReported("p", List.of(),
                Instant.now())))).contains(Topology.BRAIN_RESULTS_QUEUE, Topology.FRONTEND_RESULTS_QUEUE);
    }

    @Test
    void aFrontendsLiveQueueIsTransientExclusiveAndBoundToTheLiveFanout() {
        Declarables live = ArgusTopology.liveQueue("web-1-3f2a9c1e");

        Queue queue = live.getDeclarablesByType(Queue.class).getFirst();
        assertThat(queue.getName()).isEqualTo("argus.live.web-1-3f2a9c1e");
        assertThat(queue.isDurable()).isFalse();
        assertThat(queue.isExclusive()).isTrue();
        assertThat(queue.isAutoDelete()).isTrue();
        assertThat(live.getDeclarablesByType(Binding.class)).extracting(ArgusTopologyTests::describe)
                .containsExactly("argus.live.web-1-3f2a9c1e <- argus.live []");
        assertThat(live.getDeclarablesByType(Exchange.class)).extracting(Exchange::getType)
                .containsExactly(ExchangeTypes.FANOUT);
    }

    @Test
    void refusesInvalidProbeNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> ArgusTopology.probeQueue("Bad.Name", CLASSIC));
        assertThatIllegalArgumentException().isThrownBy(() -> ArgusTopology.declarables(Role.PROBE,
                List.of("#"), CLASSIC));
        assertThatIllegalArgumentException().isThrownBy(() -> Routes.probeResults("*",
                new ResultsReported("p", List.of(), Instant.now())));
    }

    private static String describe(Binding binding) {
        return binding.getDestination() + " <- " + binding.getExchange() + " [" + binding.getRoutingKey() + "]";
    }

    /** The queues a message reaches through the declared exchanges and bindings (direct, topic, fanout). */
    private static Set<String> routedTo(Declarables declarables, OutboundMessage message) {
        Map<String, String> types = declarables.getDeclarablesByType(Exchange.class).stream()
                .collect(Collectors.toMap(Exchange::getName, Exchange::getType, (a, b) -> a));
        String type = types.get(message.exchange());
        if (type == null) {
            return Set.of();
        }
        return declarables.getDeclarablesByType(Binding.class).stream()
                .filter(b -> b.getExchange().equals(message.exchange()))
                .filter(b -> switch (type) {
                    case ExchangeTypes.FANOUT -> true;
                    case ExchangeTypes.TOPIC -> topicMatches(b.getRoutingKey(), message.routingKey());
                    default -> b.getRoutingKey().equals(message.routingKey());
                })
                .map(Binding::getDestination)
                .collect(Collectors.toSet());
    }

    /** AMQP topic matching: words separated by '.', '*' one word, '#' zero or more words. */
    private static boolean topicMatches(String pattern, String key) {
        return matches(pattern.split("\\."), 0, key.isEmpty() ? new String[0] : key.split("\\."), 0);
    }

    private static boolean matches(String[] pattern, int p, String[] words, int w) {
        if (p == pattern.length) {
            return w == words.length;
        }
        if (pattern[p].equals("#")) {
            for (int skip = w; skip <= words.length; skip++) {
                if (matches(pattern, p + 1, words, skip)) {
                    return true;
                }
            }
            return false;
        }
        return w < words.length && (pattern[p].equals("*") || pattern[p].equals(words[w]))
                && matches(pattern, p + 1, words, w + 1);
    }
}
