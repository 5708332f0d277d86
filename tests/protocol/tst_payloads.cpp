// The objects inside frames: what the relay writes, the console reads back unchanged, and
// the wire keeps the shapes docs/protocol.md describes (nulls, omitted fields).
#include "protocol/channelpayload.h"
#include "protocol/floorpayloads.h"
#include "protocol/labelpayloads.h"
#include "protocol/orderpayload.h"
#include "protocol/payloads.h"
#include "protocol/reportpayloads.h"
#include "protocol/teampayloads.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Protocol;

namespace {

MessagePayload fullMessage()
{
    MessagePayload m;
    m.id = 42;
    m.conversationId = 7;
    m.wamid = QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA");
    m.direction = Direction::Out;
    m.type = QStringLiteral("image");
    m.text = QStringLiteral("Ini fotonya kak");
    m.status = QStringLiteral("failed");
    m.sender = QStringLiteral("agent");
    m.senderName = QStringLiteral("Ayu");
    m.replyTo = QStringLiteral("wamid.quoted");
    m.timestamp = 1764200000123;
    m.errorCode = 131047;
    m.errorTitle = QStringLiteral("Re-engagement message");
    m.errorDetails = QStringLiteral("More than 24 hours have passed");
    m.editedAt = 1764200001000;
    m.revokedAt = 1764200002000;
    m.content = {{QStringLiteral("image"),
                  QJsonObject{{QStringLiteral("caption"), QStringLiteral("Ini fotonya kak")}}}};
    m.media = MediaPayload{QStringLiteral("ready"),      QStringLiteral("ab12"),
                           QStringLiteral("image/jpeg"), 2048,
                           QStringLiteral("foto.jpg"),   QString()};
    return m;
}

DraftPayload fullDraft()
{
    return {9,
            7,
            42,
            QStringLiteral("Halo Kak, ongkirnya Rp10.000"),
            0.75,
            {QStringLiteral("ongkir"), QStringLiteral("jne")},
            true,
            true,
            DraftState::Pending};
}

} // namespace

class TestPayloads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldReadBackTheChannelsOfAWelcome()
    {
        QList<ChannelPayload> channels(2);
        channels[0].name = QStringLiteral("main");
        channels[0].label = QStringLiteral("Toko");
        channels[0].color = QStringLiteral("#25d366");
        channels[1].name = QStringLiteral("service");
        channels[1].label = QStringLiteral("Servis");
        QJsonObject relay{{QLatin1String("version"), QLatin1String("0.3.0")}};
        insertChannels(relay, channels);
        QCOMPARE(channelsOf(relay), channels);
        QCOMPARE(relay.value(QLatin1String("channels"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("label")),
                 QJsonValue(QStringLiteral("Servis")));
        // A relay without labels: consoles show the channel's name; an older relay: no channels.
        const QJsonObject bare{
            {QLatin1String("channels"),
             QJsonArray{QJsonObject{{QLatin1String("name"), QLatin1String("wa2")}}}}};
        QCOMPARE(channelsOf(bare).first().label, QStringLiteral("wa2"));
        QVERIFY(channelsOf({}).isEmpty());
    }

    void shouldSayWhatAChannelCannotSend()
    {
        ChannelPayload twilio;
        twilio.name = QStringLiteral("wa2");
        twilio.label = QStringLiteral("Servis");
        twilio.provider = QStringLiteral("twilio");
        twilio.capabilities.interactive = false;
        twilio.capabilities.reactions = false;
        twilio.capabilities.media =
            QStringList{QStringLiteral("image"), QStringLiteral("document")};
        QJsonObject relay;
        insertChannels(relay, {twilio});
        const ChannelPayload read = channelsOf(relay).first();
        QCOMPARE(read, twilio);
        QVERIFY(!read.capabilities.interactive);
        QVERIFY(read.capabilities.templates);
        QVERIFY(read.capabilities.allowsMedia(QStringLiteral("image")));
        QVERIFY(!read.capabilities.allowsMedia(QStringLiteral("sticker")));
        // An older relay says nothing: everything is allowed, as on the Cloud API.
        const ChannelPayload older =
            ChannelPayload::fromJson(QJsonObject{{QLatin1String("name"), QLatin1String("main")}});
        QVERIFY(older.capabilities.interactive && older.capabilities.templates &&
                older.capabilities.reactions);
        QVERIFY(older.capabilities.allowsMedia(QStringLiteral("sticker")));
    }

    void shouldReadBackEveryFieldOfAMessage()
    {
        const MessagePayload m = fullMessage();
        QCOMPARE(MessagePayload::fromJson(m.toJson()), m);
    }

    void shouldReadBackADraftInEveryState()
    {
        for (DraftState state :
             {DraftState::Streaming, DraftState::Pending, DraftState::Approved,
              DraftState::Discarded, DraftState::Superseded, DraftState::Requested}) {
            DraftPayload draft = fullDraft();
            draft.state = state;
            const auto back = DraftPayload::fromJson(draft.toJson());
            QVERIFY(back);
            QCOMPARE(*back, draft);
        }
    }

    void shouldReadBackAConversationWithItsLastMessageAndDraft()
    {
        ConversationPayload c;
        c.id = 7;
        c.phoneNumberId = QStringLiteral("100200300");
        c.contact = {QStringLiteral("6281234567890"), QStringLiteral("ID.123"),
                     QStringLiteral("Sari"), QStringLiteral("sari.shop")};
        c.state = ConversationState::Assigned;
        c.aiMode = AiMode::Off;
        c.assignee = QStringLiteral("ayu");
        c.handoffReason = QStringLiteral("customer_request");
        c.team = QStringLiteral("Komplain");
        c.lastInboundAt = 1764200000000;
        c.lastMessageAt = 1764200000123;
        c.unread = 3;
        c.lastMessage = fullMessage();
        c.draft = fullDraft();
        c.channel = QStringLiteral("service");
        c.labels = {2, 7};
        QCOMPARE(ConversationPayload::fromJson(c.toJson()), c);
    }

    void shouldReadBackLabelsAndTheirChanges()
    {
        const LabelPayload label{4, QStringLiteral("Menunggu transfer"), QStringLiteral("#1a73e8")};
        QCOMPARE(LabelPayload::fromJson(label.toJson()), label);
        const LabelChangePayload change{label, {9, QStringLiteral("Rina")}};
        QCOMPARE(LabelChangePayload::fromJson(change.toJson()), change);
        // docs/protocol.md, label.updated: {"label": <label>, "by": {"id", "display_name"}}
        QCOMPARE(change.toJson()
                     .value(QLatin1String("by"))
                     .toObject()
                     .value(QLatin1String("display_name")),
                 QJsonValue(QStringLiteral("Rina")));
        ConversationLabelsPayload labelled;
        labelled.conversationId = 12;
        labelled.labels = {4, 6};
        labelled.added = {6};
        labelled.removed = {5};
        labelled.by = {9, QStringLiteral("Rina")};
        QCOMPARE(ConversationLabelsPayload::fromJson(labelled.toJson()), labelled);
        QCOMPARE(labelled.toJson().value(QLatin1String("labels")).toArray(), (QJsonArray{4, 6}));
        // A conversation without labels says so with an empty array, never null.
        QCOMPARE(ConversationPayload().toJson().value(QLatin1String("labels")),
                 QJsonValue(QJsonArray()));
    }

    void shouldCarryTheCustomersRatingOfAConversation()
    {
        ConversationPayload c;
        c.id = 3;
        c.csatScore = 4;
        c.csatRatedAt = 1767227300000;
        const QJsonObject json = c.toJson();
        QCOMPARE(json.value(QLatin1String("csat")).toObject(),
                 (QJsonObject{{QStringLiteral("score"), 4},
                              {QStringLiteral("rated_at"), qint64(1767227300000)}}));
        const ConversationPayload back = ConversationPayload::fromJson(json);
        QCOMPARE(back.csatScore, 4);
        QCOMPARE(back.csatRatedAt, qint64(1767227300000));
        QVERIFY(back == c);
    }

    void shouldWriteNullsWhereTheProtocolSaysSo()
    {
        ConversationPayload c;
        c.id = 1;
        c.contact.userId = QStringLiteral("ID.9");
        const QJsonObject json = c.toJson();
        QVERIFY(json.value(QLatin1String("assignee")).isNull());
        QVERIFY(json.value(QLatin1String("handoff_reason")).isNull());
        QVERIFY(json.value(QLatin1String("team")).isNull());
        QVERIFY(json.value(QLatin1String("draft")).isNull());
        QVERIFY(json.contains(QLatin1String("csat")));
        QVERIFY(json.value(QLatin1String("csat")).isNull()); // not rated
        QVERIFY(!json.contains(QLatin1String("last_message")));
        QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("bot"));
        QCOMPARE(json.value(QLatin1String("ai_mode")).toString(), QStringLiteral("draft"));
        const QJsonObject contact = json.value(QLatin1String("contact")).toObject();
        QVERIFY(contact.value(QLatin1String("wa_id")).isNull());
        QVERIFY(contact.value(QLatin1String("username")).isNull());
        QCOMPARE(contact.value(QLatin1String("user_id")).toString(), QStringLiteral("ID.9"));

        MessagePayload m;
        m.direction = Direction::In;
        const QJsonObject message = m.toJson();
        QVERIFY(message.value(QLatin1String("wamid")).isNull());
        QVERIFY(message.value(QLatin1String("reply_to")).isNull());
        QCOMPARE(message.value(QLatin1String("direction")).toString(), QStringLiteral("in"));
        for (const char *absent : {"error", "edited_at", "revoked_at", "media"})
            QVERIFY2(!message.contains(QLatin1String(absent)), absent);
    }

    void shouldLeaveOutMediaFieldsNotYetKnown()
    {
        const MediaPayload pending{
            QStringLiteral("pending"), {}, QStringLiteral("audio/ogg"), 0, {}, {}};
        const QJsonObject json = pending.toJson();
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("mime_type"), QStringLiteral("state")}));
        QCOMPARE(MediaPayload::fromJson(json), pending);
    }

    void shouldRefuseADraftThatIsNotOne()
    {
        QVERIFY(!DraftPayload::fromJson(QJsonValue()));
        QVERIFY(!DraftPayload::fromJson(QJsonObject{}));
        QJsonObject newer = fullDraft().toJson();
        newer.insert(QLatin1String("state"), QStringLiteral("thinking"));
        QVERIFY(!DraftPayload::fromJson(newer));
        QVERIFY(DraftPayload{}.isOpen());
        DraftPayload approved = fullDraft();
        approved.state = DraftState::Approved;
        QVERIFY(!approved.isOpen());
    }

    void shouldKeepTheWireNamesOfDirectionsAndDraftStates()
    {
        QCOMPARE(directionName(Direction::In), QLatin1String("in"));
        QCOMPARE(directionName(Direction::Out), QLatin1String("out"));
        QCOMPARE(directionFromName(QStringLiteral("out")), std::optional(Direction::Out));
        QVERIFY(!directionFromName(QStringLiteral("sideways")));
        QCOMPARE(draftStateName(DraftState::Superseded), QLatin1String("superseded"));
        QCOMPARE(draftStateFromName(QStringLiteral("requested")),
                 std::optional(DraftState::Requested));
    }

    void shouldReadBackAUserWithAndWithoutPresence()
    {
        UserPayload user{5,
                         QStringLiteral("sari"),
                         QStringLiteral("Sari Wulandari"),
                         QStringLiteral("supervisor"),
                         std::nullopt,
                         std::nullopt,
                         {}};
        QCOMPARE(UserPayload::fromJson(user.toJson()), user);
        QVERIFY(!user.toJson().contains(QLatin1String("online"))); // welcome says nothing of it
        user.online = false;
        QCOMPARE(UserPayload::fromJson(user.toJson()), user);
        QCOMPARE(user.toJson().value(QLatin1String("online")), QJsonValue(false));
        // list_agents: presence and teams.
        user.presence = Presence::Away;
        user.teams = {QStringLiteral("Komplain"), QStringLiteral("Penjualan")};
        QCOMPARE(UserPayload::fromJson(user.toJson()), user);
        QCOMPARE(user.toJson().value(QLatin1String("presence")),
                 QJsonValue(QStringLiteral("away")));
    }

    void shouldReadBackPresenceAndTeams()
    {
        const PresencePayload presence{7, QStringLiteral("ayu"), Presence::Offline};
        QCOMPARE(PresencePayload::fromJson(presence.toJson()), presence);
        QCOMPARE(presenceFromName(QStringLiteral("online")), std::optional(Presence::Online));
        QCOMPARE(presenceFromName(QStringLiteral("busy")), std::nullopt);
        const TeamPayload team{
            3, QStringLiteral("Komplain"), {QStringLiteral("ayu"), QStringLiteral("budi")}};
        QCOMPARE(TeamPayload::fromJson(team.toJson()), team);
    }

    void shouldReadBackACannedResponseWithItsAuthor()
    {
        const CannedPayload canned{3,
                                   QStringLiteral("ongkir"),
                                   QStringLiteral("Ongkos kirim"),
                                   QStringLiteral("Ongkir ke Jawa mulai Rp9.000 ya kak"),
                                   5,
                                   QStringLiteral("Sari Wulandari"),
                                   1764900000000};
        QCOMPARE(CannedPayload::fromJson(canned.toJson()), canned);
        // docs/protocol.md: "author": {"id", "display_name"}
        const QJsonObject author = canned.toJson().value(QLatin1String("author")).toObject();
        QCOMPARE(author.value(QLatin1String("id")).toInteger(), 5);
        QCOMPARE(author.value(QLatin1String("display_name")).toString(),
                 QStringLiteral("Sari Wulandari"));
    }

    void shouldReadBackAnOrderWithItsItemsAndMoneyAsAnInteger()
    {
        OrderPayload order;
        order.shop = QStringLiteral("woocommerce");
        order.number = QStringLiteral("INV-0121");
        order.status = QStringLiteral("completed");
        order.currency = QStringLiteral("IDR");
        order.totalHundredths = 125000000;
        order.createdAt = 1763622000000;
        order.items = {{QStringLiteral("Tas Kulit Sintetis"), 1}, {QStringLiteral("Dompet"), 2}};
        order.courier = QStringLiteral("SiCepat");
        order.trackingNumber = QStringLiteral("004512345678");
        QCOMPARE(OrderPayload::fromJson(order.toJson()), order);
        // docs/protocol.md, customer_orders: money is an integer, never a decimal string.
        const QJsonValue total = order.toJson().value(QLatin1String("total_hundredths"));
        QVERIFY(total.isDouble());
        QCOMPARE(total.toInteger(), 125000000);
        QCOMPARE(order.toJson().value(QLatin1String("tracking_number")).toString(),
                 QStringLiteral("004512345678"));
    }

    void shouldReadBackEveryFigureOfAReportAndAnAuditEntry()
    {
        ReportPayload report;
        report.from = QDate(2026, 11, 2);
        report.to = QDate(2026, 11, 3);
        report.agent = QStringLiteral("sari");
        report.days = {{QDate(2026, 11, 2), 3, 5, 4}, {QDate(2026, 11, 3), 1, 1, 1}};
        report.inboundByHour = QList<int>(24, 0);
        report.inboundByHour[10] = 3;
        report.firstResponse = {4, 10000, 600000};
        report.resolution = {2, 1800000, 3600000};
        report.aiOnlyChats = 2;
        report.draftsApproved = 1;
        report.draftsEdited = 2;
        report.draftsDiscarded = 1;
        report.averageEditDistance = 2.5;
        report.handoffs = {{QStringLiteral("asked_for_human"), 1}};
        report.abstained = 1;
        report.agents = {
            {QStringLiteral("sari"), QStringLiteral("Sari"), 1, {2, 40000, 120000}, {3, 4.33}}};
        report.csat = {5, 3.8};
        report.currency = QStringLiteral("IDR");
        report.metaCost = {
            {QStringLiteral("2026-11"), QStringLiteral("marketing"), 2, 1, 586.33, 586.33}};
        const QJsonObject json = report.toJson();
        const ReportPayload back = ReportPayload::fromJson(json);
        QCOMPARE(back.toJson(), json);
        QCOMPARE(back.days.at(0).day, QDate(2026, 11, 2));
        QCOMPARE(back.inboundByHour.at(10), 3);
        QCOMPARE(back.agents.at(0).responses.p90Ms, qint64(120000));
        QCOMPARE(back.metaCost.at(0).rate, 586.33);
        QCOMPARE(back.agents.at(0).csat.count, 3);
        QCOMPARE(back.agents.at(0).csat.average, 4.33);
        QCOMPARE(back.csat.count, 5);
        QCOMPARE(back.csat.average, 3.8);

        const AuditEntry entry{
            1767227300000,          QStringLiteral("rina"),    QStringLiteral("assign"), 7,
            QStringLiteral("sari"), QStringLiteral("assigned")};
        QCOMPARE(AuditEntry::fromJson(entry.toJson()).toJson(), entry.toJson());
        QCOMPARE(AuditEntry::fromJson(entry.toJson()).conversationId, qint64(7));
    }

    void shouldPassATemplatesComponentsThroughUnchanged()
    {
        const QJsonArray components{
            QJsonObject{{QLatin1String("type"), QLatin1String("BODY")},
                        {QLatin1String("text"), QLatin1String("Pesanan {{1}} sudah dikirim")}},
            QJsonObject{
                {QLatin1String("type"), QLatin1String("BUTTONS")},
                {QLatin1String("buttons"),
                 QJsonArray{QJsonObject{{QLatin1String("type"), QLatin1String("URL")},
                                        {QLatin1String("text"), QLatin1String("Lacak")}}}}}};
        const TemplatePayload payload{QStringLiteral("pesanan_dikirim"), QStringLiteral("id"),
                                      QStringLiteral("UTILITY"),         QStringLiteral("APPROVED"),
                                      QStringLiteral("POSITIONAL"),      components};
        QCOMPARE(TemplatePayload::fromJson(payload.toJson()), payload);
        QCOMPARE(payload.toJson().value(QLatin1String("parameter_format")).toString(),
                 QStringLiteral("POSITIONAL"));
    }
};

QTEST_GUILESS_MAIN(TestPayloads)
#include "tst_payloads.moc"
