"""An order system whose ordering side sends to a JMS queue and a Kafka topic that a shipping
side listens on, generated here: the listeners are entry points, the senders are found by the
destination they name, and the report lists each channel with the services at both ends."""

from pathlib import Path

import jsonschema

import msadecomp
from msadecomp.ingest.links import destination_key
from msadecomp.report.markdown import to_markdown
from msadecomp.schemas import load_schema

FILES = {
    "order/Order.java": """package shop.order;
    import javax.persistence.*;
    @Entity @Table(name = "ORDERS") public class Order { @Id Long id; }""",
    "order/OrderService.java": """package shop.order;
    import javax.annotation.Resource; import javax.jms.*; import javax.persistence.*;
    @Stateless public class OrderService {
        @PersistenceContext EntityManager em;
        @Resource(lookup = "java:app/jms/OrderPlacedQueue") private Queue placed;
        @Inject KafkaTemplate<String, String> kafka;
        public void place(Order o) { em.persist(o); kafka.send("order-paid", "1"); }
        static final String AUDIT = "order-audit";
        public void refund() { kafka.send("order-refunded", "1"); kafka.send(AUDIT, "1"); }
        public void notify(JmsTemplate jms) { jms.convertAndSend("${app.queue:order-notes}", "n"); }
        public void log() { System.out.println("x jms/OrderPlacedQueue"); }
    }""",
    "order/OrderController.java": """package shop.order;
    @Controller public class OrderController {
        @Autowired OrderService orders;
        @PostMapping("/order-paid") public String place(Order o) {
            orders.place(o); return "redirect:orders"; } }""",
    "order/paid.jsp": '<a href="order-paid">paid</a>',
    "shipping/Shipment.java": """package shop.shipping;
    import javax.persistence.*;
    @Entity @Table(name = "SHIPMENTS") public class Shipment { @Id Long id; }""",
    "shipping/ShipmentService.java": """package shop.shipping;
    import javax.persistence.*;
    @Stateless public class ShipmentService {
        @PersistenceContext EntityManager em;
        public void ship(Long order) { em.persist(new Shipment()); } }""",
    "shipping/OrderPlacedConsumer.java": """package shop.shipping;
    @MessageDriven(activationConfig = {@ActivationConfigProperty(
        propertyName = "destinationLookup", propertyValue = "java:app/jms/OrderPlacedQueue")})
    public class OrderPlacedConsumer implements MessageListener {
        @Inject ShipmentService shipments;
        public void onMessage(Message m) { shipments.ship(1L); } }""",
    "shipping/PaymentListener.java": """package shop.shipping;
    @Component public class PaymentListener {
        @Autowired ShipmentService shipments;
        @KafkaListener(topics = {"order-paid", "order-refunded"})
        public void paid(String m) { shipments.ship(2L); }
    }""",
    "shipping/AuditListener.java": """package shop.shipping;
    @Component public class AuditListener {
        @KafkaListener(topics = "order-paid") public void audit(String m) { }
        @KafkaListener(topics = "order-audit") public void archive(String m) { }
        @JmsListener(destination = "order-notes") public void note(String m) { }
    }""",
}


def test_channels_join_senders_and_listeners_across_services(tmp_path: Path) -> None:
    for name, text in FILES.items():
        path = tmp_path / "src/main/java/shop" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    analysis = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1))
    report = analysis.report
    jsonschema.Draft202012Validator(load_schema("report.schema.json")).validate(report)
    service_of = {c: s["id"] for s in report["services"] for c in s["classes"]}
    order, shipping = service_of["shop.order.Order"], service_of["shop.shipping.Shipment"]
    assert order != shipping
    channels = {c["destination"]: c for c in report["message_channels"]}
    assert channels["java:app/jms/OrderPlacedQueue"] == {
        "destination": "java:app/jms/OrderPlacedQueue",
        "kind": "JMS",
        "consumers": [{"class": "shop.shipping.OrderPlacedConsumer", "service": shipping}],
        "producers": [{"class": "shop.order.OrderService", "service": order}],
        "crosses_services": True,
    }
    assert channels["order-paid"]["kind"] == "KAFKA"
    # the sender only: a peer listener sends nothing, nor does a controller whose request
    # path or view name happens to read like the topic
    assert channels["order-paid"]["producers"] == [
        {"class": "shop.order.OrderService", "service": order}
    ]
    assert [c["class"] for c in channels["order-paid"]["consumers"]] == [
        "shop.shipping.AuditListener",
        "shop.shipping.PaymentListener",
    ]
    # one listener of two topics: each topic keeps its sender; a topic named by a constant,
    # a queue by a property placeholder with a default
    for name in ("order-refunded", "order-audit", "order-notes"):
        assert channels[name]["producers"] == channels["order-paid"]["producers"], name
    # a page linking a path that reads like a topic is no page of its listeners
    page = next(p for p in analysis.model.pages if p.path.endswith("paid.jsp"))
    assert page.controllers == ("shop.order.OrderController",)
    # the listeners are entry points of the shipping side, and no request handlers
    assert service_of["shop.shipping.OrderPlacedConsumer"] == shipping
    assert not analysis.graph.nodes["shop.shipping.PaymentListener"]["handler"]
    markdown = to_markdown(report)
    assert "## Message channels" in markdown
    assert f"| `order-paid` | KAFKA | `OrderService` ({order}) |" in markdown
    assert "## 메시지 채널" in to_markdown(report, "ko")


def test_a_destination_is_known_by_its_last_name_whatever_its_jndi_context() -> None:
    names = ("java:comp/env/jms/TradeBrokerQueue", "jms/TradeBrokerQueue", "TradeBrokerQueue")
    assert {destination_key(n) for n in names} == {"TradeBrokerQueue"}


def test_a_sender_of_a_destination_bean_sends_to_the_queue_or_topic_it_names(
    tmp_path: Path,
) -> None:
    """xmall's ``ItemServiceImpl`` sends to its injected ``topicDestination``, a bean of the
    Spring XML naming ``itemAddTopic``, which a listener container of another module's XML
    hands to ``ItemESMessageListener``."""
    files = {
        "manager/src/main/java/m/ItemService.java": """package m;
        import javax.annotation.Resource; import javax.jms.*;
        @Service public class ItemService {
            @Autowired private JmsTemplate jmsTemplate;
            @Resource private Destination topicDestination;
            @Resource(name = "queueDestination") private Queue notes;
            @Autowired private Destination unknownDestination;
            public void add(long id) { jmsTemplate.send(topicDestination, s -> null); }
            public void note() { jmsTemplate.convertAndSend(notes, "n"); }
            public void lost() { jmsTemplate.send(unknownDestination, s -> null); }
            public void local(Topic viaVariable) { jmsTemplate.send(viaVariable, s -> null); }
        }""",
        "manager/src/main/java/m/Other.java": """package m;
        @Service public class Other {
            @Autowired private JmsTemplate jmsTemplate;
            private String topicDestination = "x";
            public void add() { jmsTemplate.send(topicDestination, "y"); } }""",
        "manager/src/main/resources/spring/activemq.xml": """<beans>
          <bean id="topicDestination" class="org.apache.activemq.command.ActiveMQTopic">
            <constructor-arg value="itemAddTopic"/></bean>
          <bean id="queueDestination" class="org.apache.activemq.command.ActiveMQQueue">
            <constructor-arg><value>spring-queue</value></constructor-arg></bean>
          <bean id="viaVariable" class="org.apache.activemq.command.ActiveMQTopic">
            <property name="physicalName" value="variable-topic"/></bean>
        </beans>""",
        "search/src/main/java/s/ItemListener.java": """package s;
        public class ItemListener implements MessageListener {
            public void onMessage(Message m) { } }""",
        "search/src/main/java/s/NoteListener.java": """package s;
        public class NoteListener implements MessageListener {
            public void onMessage(Message m) { } }""",
        "search/src/main/resources/spring/activemq.xml": """<beans>
          <bean id="topicDestination" class="org.apache.activemq.command.ActiveMQTopic">
            <constructor-arg value="itemAddTopic"/></bean>
          <bean id="itemListener" class="s.ItemListener"/>
          <bean id="noteListener" class="s.NoteListener"/>
          <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
            <property name="destination" ref="topicDestination"/>
            <property name="messageListener" ref="itemListener"/></bean>
          <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
            <property name="destinationName" value="spring-queue"/>
            <property name="messageListener" ref="noteListener"/></bean>
          <bean class="org.springframework.jms.listener.DefaultMessageListenerContainer">
            <property name="destinationName" value="variable-topic"/>
            <property name="messageListener" ref="noteListener"/></bean>
        </beans>""",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    report = msadecomp.analyze(tmp_path, msadecomp.Config(jobs=1)).report
    channels = {
        c["destination"]: (
            [p["class"] for p in c["producers"]],
            [k["class"] for k in c["consumers"]],
        )
        for c in report["message_channels"]
    }
    # a String field named like the bean is no destination; an unknown bean sends nowhere
    assert channels == {
        "itemAddTopic": (["m.ItemService"], ["s.ItemListener"]),
        "spring-queue": (["m.ItemService"], ["s.NoteListener"]),
        "variable-topic": (["m.ItemService"], ["s.NoteListener"]),
    }
