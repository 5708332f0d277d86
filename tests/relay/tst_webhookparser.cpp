#include "support/testdata.h"
#include "whatsapp/webhookparser.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Serambi::Relay;

namespace {

const QString BusinessPnid = QStringLiteral("109876543210987");
const QString SitiWaId = QStringLiteral("6281234567890");
const QString SitiUserId = QStringLiteral("ID.4815162342108");
const QString Siti = QStringLiteral("Siti Rahayu");
const QString FirstTextWamid =
    QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjBBMDFBQjJDM0Q0RTVGNjA3ODkA");
const QString ReactedWamid = QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDAzMQA=");
const QString SentWamid = QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDEwMQA=");

// Fixtures holding neither exactly one message nor exactly one status; each has its own test.
const QStringList BatchFixtures{QStringLiteral("batch"), QStringLiteral("errors_async"),
                                QStringLiteral("template_status_update"),
                                QStringLiteral("other_business_numbers")};
const QString DewiWaId = QStringLiteral("6281298765432");
const QString Dewi = QStringLiteral("Dewi Lestari");
QString dewiWamid(const char *tail)
{
    return QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhFQIAEhg") + QLatin1String(tail);
}

WebhookBatch parseFixture(const QString &name)
{
    QString error;
    const auto batch = parseWebhook(
        Serambi::Test::readData(QStringLiteral("webhooks/") + name + QStringLiteral(".json")),
        &error);
    if (!batch)
        qWarning("%s: %s", qPrintable(name), qPrintable(error));
    return batch.value_or(WebhookBatch{});
}

QByteArray envelopeWithValue(const QByteArray &value)
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":)" +
           value + "}]}]}";
}

QByteArray envelopeWithMessage(const QByteArray &message)
{
    return envelopeWithValue(R"({"metadata":{"phone_number_id":"42"},"messages":[)" + message +
                             "]}");
}

} // namespace

class TestWebhookParser : public QObject
{
    Q_OBJECT

    QStringList m_messageFixtures;
    QStringList m_statusFixtures;

private Q_SLOTS:
    void shouldReadEveryInboundMessageType_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("waId");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QString>("profileName");
        QTest::addColumn<QString>("wamid");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<bool>("supported");
        QTest::addColumn<int>("errorCode");
        QTest::addColumn<QString>("errorTitle");
        QTest::addColumn<QString>("contextId");

        auto row = [this](const char *fixture) -> QTestData & {
            m_messageFixtures.append(QLatin1String(fixture));
            return QTest::newRow(fixture) << QString::fromLatin1(fixture);
        };
        const QString none;

        row("text") << QStringLiteral("text")
                    << QStringLiteral("Halo kak, pesanan saya sudah sampai belum? 🙏 Terima kasih")
                    << SitiWaId << SitiUserId << Siti << FirstTextWamid << qint64(1767225600)
                    << true << 0 << none << none;
        row("text_reply") << QStringLiteral("text") << QStringLiteral("Iya, besok jam 10 bisa 👍")
                          << SitiWaId << SitiUserId << Siti
                          << QStringLiteral(
                                 "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjBSRVBMWTAxAA==")
                          << qint64(1767225660) << true << 0 << none
                          << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDAwOQA=");
        row("image") << QStringLiteral("image")
                     << QStringLiteral("Bukti transfer 🧾 — sudah lunas ya") << SitiWaId
                     << SitiUserId << Siti
                     << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFklNQUdFMDAwMDAwMDAxAA==")
                     << qint64(1767225720) << true << 0 << none << none;
        row("video") << QStringLiteral("video") << QStringLiteral("Paketnya datang penyok begini 😢")
                     << SitiWaId << SitiUserId << Siti
                     << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlZJREVPMDAwMDAwMDAxAA==")
                     << qint64(1767225780) << true << 0 << none << none;
        row("audio_voice") << QStringLiteral("audio") << none << SitiWaId << SitiUserId << Siti
                           << QStringLiteral(
                                  "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkFVRElPMDAwMDAwMDAxAA==")
                           << qint64(1767225840) << true << 0 << none << none;
        row("document") << QStringLiteral("document")
                        << QStringLiteral("Faktur bulan Januari, mohon dicek 📄") << SitiWaId
                        << SitiUserId << Siti
                        << QStringLiteral(
                               "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkRPQ1VNRU5UMDAwMDAwMQA=")
                        << qint64(1767225900) << true << 0 << none << none;
        row("document_filename_only")
            << QStringLiteral("document") << QStringLiteral("Daftar_Belanja_Toko_Sembako.xlsx")
            << SitiWaId << SitiUserId << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkRPQ1VNRU5UMDAwMDAwMgA=")
            << qint64(1767225960) << true << 0 << none << none;
        row("sticker") << QStringLiteral("sticker") << none << SitiWaId << SitiUserId << Siti
                       << QStringLiteral(
                              "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlNUSUNLRVIwMDAwMDAwMQA=")
                       << qint64(1767226020) << true << 0 << none << none;
        row("location_current") << QStringLiteral("location") << none << SitiWaId << SitiUserId
                                << Siti
                                << QStringLiteral(
                                       "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkxPQ0FUSU9OMDAwMDAwMQA=")
                                << qint64(1767226080) << true << 0 << none << none;
        row("location_place") << QStringLiteral("location") << QStringLiteral("Warung Kopi Senja ☕")
                              << SitiWaId << SitiUserId << Siti
                              << QStringLiteral(
                                     "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkxPQ0FUSU9OMDAwMDAwMgA=")
                              << qint64(1767226140) << true << 0 << none << none;
        row("location_string_coordinates")
            << QStringLiteral("location") << QStringLiteral("Jl. Raya Kuta No. 88, Badung, Bali")
            << SitiWaId << SitiUserId << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkxPQ0FUSU9OMDAwMDAwMwA=")
            << qint64(1767226200) << true << 0 << none << none;
        row("contacts_card") << QStringLiteral("contacts") << QStringLiteral("Dewi Lestari (Kurir)")
                             << SitiWaId << SitiUserId << Siti
                             << QStringLiteral(
                                    "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkNPTlRBQ1RTMDAwMDAwMQA=")
                             << qint64(1767226260) << true << 0 << none << none;
        row("interactive_button_reply")
            << QStringLiteral("interactive") << QStringLiteral("Ya, lanjutkan ✅") << SitiWaId
            << SitiUserId << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkJVVFRPTlJFUExZMDAwMDAxAA==")
            << qint64(1767226320) << true << 0 << none
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDAyMQA=");
        row("interactive_list_reply")
            << QStringLiteral("interactive") << QStringLiteral("Pengiriman Ekspres") << SitiWaId
            << SitiUserId << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkxJU1RSRVBMWTAwMDAwMDAxAA==")
            << qint64(1767226380) << true << 0 << none
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDAyMgA=");
        row("interactive_nfm_reply")
            << QStringLiteral("interactive") << QStringLiteral("Sent") << SitiWaId << SitiUserId
            << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFk5GTVJFUExZMDAwMDAwMDAxAA==")
            << qint64(1767226440) << true << 0 << none
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDAyMwA=");
        row("button_template")
            << QStringLiteral("button") << QStringLiteral("Lacak pesanan") << SitiWaId << SitiUserId
            << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkJVVFRPTlRFTVBMQVRFMDAxAA==")
            << qint64(1767226500) << true << 0 << none
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDAzMAA=");
        row("reaction") << QStringLiteral("reaction") << QStringLiteral("❤️") << SitiWaId
                        << SitiUserId << Siti
                        << QStringLiteral(
                               "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlJFQUNUSU9OMDAwMDAwMQA=")
                        << qint64(1767226560) << true << 0 << none << ReactedWamid;
        row("reaction_removed") << QStringLiteral("reaction") << none << SitiWaId << SitiUserId
                                << Siti
                                << QStringLiteral(
                                       "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlJFQUNUSU9OMDAwMDAwMgA=")
                                << qint64(1767226620) << true << 0 << none << ReactedWamid;
        row("order") << QStringLiteral("order")
                     << QStringLiteral("Tolong dikirim sebelum Jumat ya 🙏") << SitiWaId
                     << SitiUserId << Siti
                     << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFk9SREVSMDAwMDAwMDAwMQA=")
                     << qint64(1767226680) << true << 0 << none << none;
        row("system_changed_number")
            << QStringLiteral("system")
            << QStringLiteral("Pengguna 6281234567890 mengganti nomor ke 6281399998888") << SitiWaId
            << none << none
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlNZU1RFTTAwMDAwMDAwMDEA")
            << qint64(1767226740) << true << 0 << none << none;
        row("unsupported_poll")
            << QStringLiteral("unsupported") << none << SitiWaId << SitiUserId << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlVOU1VQUE9SVEVEMDAwMDAxAA==")
            << qint64(1767226800) << false << 131051 << QStringLiteral("Message type unknown")
            << none;
        row("unknown") << QStringLiteral("unknown") << none << SitiWaId << SitiUserId << Siti
                       << QStringLiteral(
                              "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlVOS05PV04wMDAwMDAwMDEA")
                       << qint64(1767226860) << false << 131051
                       << QStringLiteral("Unsupported message type") << none;
        row("request_welcome") << QStringLiteral("request_welcome") << none
                               << QStringLiteral("6285712345678")
                               << QStringLiteral("ID.9900112233445")
                               << QStringLiteral("Budi Santoso 🛵")
                               << QStringLiteral(
                                      "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFldFTENPTUUwMDAwMDAwMQA=")
                               << qint64(1767226920) << true << 0 << none << none;
        row("revoke") << QStringLiteral("revoke") << none << SitiWaId << SitiUserId << Siti
                      << QStringLiteral(
                             "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlJFVk9LRTAwMDAwMDAwMDEA")
                      << qint64(1767226980) << true << 0 << none << FirstTextWamid;
        row("edit") << QStringLiteral("edit")
                    << QStringLiteral(
                           "Halo kak, pesanan saya sudah sampai belum? (maaf, salah ketik) 🙏")
                    << SitiWaId << SitiUserId << Siti
                    << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkVESVQwMDAwMDAwMDAwMQA=")
                    << qint64(1767227040) << true << 0 << none << FirstTextWamid;
        row("username_only")
            << QStringLiteral("text")
            << QStringLiteral("Permisi, apakah stok batik tulis masih ada?") << none
            << QStringLiteral("ID.7700112233445566") << QStringLiteral("Rina Ayu")
            << QStringLiteral("wamid.HBgMSUQuNzcwMDExMjIzMzQ0NTU2NhUCABIYFlVTRVJOQU1FMDAwMDAxAA==")
            << qint64(1767227100) << true << 0 << none << none;
        row("text_referral")
            << QStringLiteral("text")
            << QStringLiteral("Saya lihat iklannya, promo gratis ongkir masih berlaku?") << SitiWaId
            << SitiUserId << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlJFRkVSUkFMMDAwMDAwMQA=")
            << qint64(1767227160) << true << 0 << none << none;
        row("text_forwarded")
            << QStringLiteral("text")
            << QStringLiteral("Info dari grup RT: pasar murah hari Minggu di balai desa 🛒")
            << SitiWaId << SitiUserId << Siti
            << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkZPUldBUkRFRDAwMDAwMQA=")
            << qint64(1767227220) << true << 0 << none << none;
        // Fixtures of issue 17: coexistence edits and revokes, system notices, errors on a
        // message, and the kinds whose preview was empty.
        const QString coexText = dewiWamid("MQ09FWC1URVhULTAxAA==");
        const QString coexImage = dewiWamid("NQ09FWC1JTUFHRS0wMQA=");
        row("coexistence_text") << QStringLiteral("text")
                                << QStringLiteral("Kak, saya pesan kaos polos hitam ukuran M 2 pcs")
                                << DewiWaId << none << Dewi << coexText << qint64(1767300000)
                                << true << 0 << none << none;
        row("coexistence_edit_text")
            << QStringLiteral("edit")
            << QStringLiteral("Kak, saya pesan kaos polos hitam ukuran L 2 pcs") << DewiWaId << none
            << Dewi << dewiWamid("MQ09FWC1FRElULTAxAA==") << qint64(1767300060) << true << 0 << none
            << coexText;
        row("coexistence_revoke") << QStringLiteral("revoke") << none << DewiWaId << none << Dewi
                                  << dewiWamid("OQ09FWC1SRVZPS0UtMDEA") << qint64(1767300120)
                                  << true << 0 << none << coexText;
        row("coexistence_image") << QStringLiteral("image")
                                 << QStringLiteral("Ini bukti transfernya") << DewiWaId << none
                                 << Dewi << coexImage << qint64(1767300200) << true << 0 << none
                                 << none;
        row("coexistence_edit_image")
            << QStringLiteral("edit")
            << QStringLiteral("Ini bukti transfer yang benar (Rp 150.000)") << DewiWaId << none
            << Dewi << dewiWamid("MQ09FWC1FRElULTAyAA==") << qint64(1767300230) << true << 0 << none
            << coexImage;
        row("system_identity_changed")
            << QStringLiteral("system") << QStringLiteral("Kode keamanan Dewi Lestari berubah")
            << DewiWaId << none << none << dewiWamid("PU1lTVEVNLUlERU5ULTAxAA==")
            << qint64(1767300300) << true << 0 << none << none;
        row("interactive_error_131000")
            << QStringLiteral("interactive") << none << DewiWaId << none << Dewi
            << dewiWamid("MRVJST1ItMTMxMDAwAA==") << qint64(1767300500) << true << 131000
            << QStringLiteral("Something went wrong") << none;
        row("location_pin_only") << QStringLiteral("location") << none << DewiWaId << none << Dewi
                                 << dewiWamid("LUElOLU9OTFktMDEA") << qint64(1767300600) << true
                                 << 0 << none << none;
        row("order_three_items") << QStringLiteral("order") << none << DewiWaId << none << Dewi
                                 << dewiWamid("KT1JERVItMy0wMQA=") << qint64(1767300610) << true
                                 << 0 << none << none;
        row("interactive_call_permission_reply")
            << QStringLiteral("interactive") << none << DewiWaId << none << Dewi
            << dewiWamid("MQ0FMTC1QRVJNLTAxAA==") << qint64(1767300620) << true << 0 << none
            << QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhUCABEYEkNBTExSRVEwMDAwMDEA");
        row("interactive_flow_form")
            << QStringLiteral("interactive") << QStringLiteral("Sent") << DewiWaId << none << Dewi
            << dewiWamid("MRkxPVy1GT1JNLTAxAA==") << qint64(1767300630) << true << 0 << none
            << QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhUCABEYEkZMT1dPVVQwMDAwMQA=");
        row("interactive_list_reply_description")
            << QStringLiteral("interactive") << QStringLiteral("Same day") << DewiWaId << none
            << Dewi << dewiWamid("MTElTVC1ERVNDLTAxAA==") << qint64(1767300640) << true << 0 << none
            << QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhUCABEYEkxJU1RPVVQwMDAwMQA=");
        row("unknown_future_type")
            << QStringLiteral("hologram") << none << QStringLiteral("6281377776666") << none
            << QStringLiteral("Joko 🎧")
            << QStringLiteral("wamid.HBgNNjI4MTM3Nzc3NjY2NhUCABIYFkhPTE9HUkFNMDAwMDAwMQA=")
            << qint64(1767227800) << false << 0 << none << none;
    }

    void shouldReadEveryInboundMessageType()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, type);
        QFETCH(QString, text);
        QFETCH(QString, waId);
        QFETCH(QString, userId);
        QFETCH(QString, profileName);
        QFETCH(QString, wamid);
        QFETCH(qint64, timestamp);
        QFETCH(bool, supported);
        QFETCH(int, errorCode);
        QFETCH(QString, errorTitle);
        QFETCH(QString, contextId);

        const WebhookBatch batch = parseFixture(fixture);
        QCOMPARE(batch.messages.size(), 1);
        QVERIFY(batch.statuses.isEmpty());
        QVERIFY(batch.errors.isEmpty());
        QCOMPARE(batch.ignoredChanges, 0);

        const InboundMessage &message = batch.messages.first();
        QCOMPARE(message.phoneNumberId, BusinessPnid);
        QCOMPARE(message.displayPhoneNumber, QStringLiteral("6281130001234"));
        QCOMPARE(message.type, type);
        QCOMPARE(message.text, text);
        QCOMPARE(message.from.waId, waId);
        QCOMPARE(message.from.userId, userId);
        QCOMPARE(message.from.key(), waId.isEmpty() ? userId : waId);
        QCOMPARE(message.from.profileName, profileName);
        QCOMPARE(message.wamid, wamid);
        QCOMPARE(message.timestamp, timestamp);
        QCOMPARE(message.supported, supported);
        QCOMPARE(message.errorCode, errorCode);
        QCOMPARE(message.errorTitle, errorTitle);
        QCOMPARE(message.contextId, contextId);
        QCOMPARE(message.raw.value(QLatin1String("id")).toString(), wamid);
        QCOMPARE(message.raw.value(QLatin1String("type")).toString(), type);
    }

    void shouldReadEveryStatus_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("wamid");
        QTest::addColumn<QString>("status");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<QString>("recipientId");
        QTest::addColumn<QString>("recipientUserId");
        QTest::addColumn<QString>("callbackData");
        QTest::addColumn<int>("errorCode");
        QTest::addColumn<QString>("errorTitle");
        QTest::addColumn<QString>("errorDetails");

        auto row = [this](const char *fixture) -> QTestData & {
            m_statusFixtures.append(QLatin1String(fixture));
            return QTest::newRow(fixture) << QString::fromLatin1(fixture);
        };
        const QString none;
        const QString outbox42 = QStringLiteral("outbox-42");

        row("status_sent") << SentWamid << QStringLiteral("sent") << qint64(1767227300) << SitiWaId
                           << SitiUserId << outbox42 << 0 << none << none;
        row("status_delivered") << SentWamid << QStringLiteral("delivered") << qint64(1767227305)
                                << SitiWaId << SitiUserId << outbox42 << 0 << none << none;
        row("status_read") << SentWamid << QStringLiteral("read") << qint64(1767227390) << SitiWaId
                           << SitiUserId << outbox42 << 0 << none << none;
        row("status_played") << QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDEwMgA=")
                             << QStringLiteral("played") << qint64(1767227450) << SitiWaId
                             << SitiUserId << QStringLiteral("outbox-43") << 0 << none << none;
        row("status_failed") << QStringLiteral("wamid.HBgNNjI4NTcxMjM0NTY3OBUCABEYEk9VVDAwMDEwMwA=")
                             << QStringLiteral("failed") << qint64(1767227500)
                             << QStringLiteral("6285712345678") << none
                             << QStringLiteral("outbox-44") << 131047
                             << QStringLiteral("Re-engagement message")
                             << QStringLiteral(
                                    "Message failed to send because more than 24 hours have passed "
                                    "since the customer last replied to this number.");
        row("status_unknown_message")
            << QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhUCABEYEk9MREJBQ0tVUDAwMDEA")
            << QStringLiteral("read") << qint64(1767300700) << DewiWaId << none << none << 0 << none
            << none;
        row("status_unknown_value") << SentWamid << QStringLiteral("deleted") << qint64(1767227600)
                                    << SitiWaId << none << none << 0 << none << none;
    }

    void shouldReadEveryStatus()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, wamid);
        QFETCH(QString, status);
        QFETCH(qint64, timestamp);
        QFETCH(QString, recipientId);
        QFETCH(QString, recipientUserId);
        QFETCH(QString, callbackData);
        QFETCH(int, errorCode);
        QFETCH(QString, errorTitle);
        QFETCH(QString, errorDetails);

        const WebhookBatch batch = parseFixture(fixture);
        QVERIFY(batch.messages.isEmpty());
        QCOMPARE(batch.statuses.size(), 1);
        QVERIFY(batch.errors.isEmpty());

        const StatusUpdate &update = batch.statuses.first();
        QCOMPARE(update.phoneNumberId, BusinessPnid);
        QCOMPARE(update.wamid, wamid);
        QCOMPARE(update.status, status);
        QCOMPARE(update.timestamp, timestamp);
        QCOMPARE(update.recipientId, recipientId);
        QCOMPARE(update.recipientUserId, recipientUserId);
        QCOMPARE(update.callbackData, callbackData);
        QCOMPARE(update.errorCode, errorCode);
        QCOMPARE(update.errorTitle, errorTitle);
        QCOMPARE(update.errorDetails, errorDetails);
        QCOMPARE(update.raw.value(QLatin1String("status")).toString(), status);
    }

    void shouldReadMetasPricingOfASentMessage()
    {
        const StatusUpdate sent = parseFixture(QStringLiteral("status_sent")).statuses.value(0);
        QCOMPARE(sent.pricingCategory, QStringLiteral("service"));
        QCOMPARE(sent.pricingType, QStringLiteral("free_customer_service"));
        const StatusUpdate delivered =
            parseFixture(QStringLiteral("status_delivered")).statuses.value(0);
        QVERIFY(delivered.pricingCategory.isEmpty()); // priced once, on sent
    }

    void shouldHaveATestForEveryFixture()
    {
        if (m_messageFixtures.isEmpty() || m_statusFixtures.isEmpty())
            QSKIP("needs the fixture tables, which the whole suite builds first");
        const QDir dir(Serambi::Test::dataPath(QStringLiteral("webhooks")));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 35);
        QSet<QString> tested(m_messageFixtures.cbegin(), m_messageFixtures.cend());
        tested.unite(QSet<QString>(m_statusFixtures.cbegin(), m_statusFixtures.cend()));
        tested.unite(QSet<QString>(BatchFixtures.cbegin(), BatchFixtures.cend()));
        for (const QString &file : files) {
            const QString name = file.chopped(5);
            QVERIFY2(tested.contains(name), qPrintable(name + QStringLiteral(" has no test row")));
            QString error;
            QVERIFY2(
                parseWebhook(Serambi::Test::readData(QStringLiteral("webhooks/") + file), &error),
                qPrintable(error));
        }
    }

    void shouldKeepBothIdentitiesOfAUsernameUser()
    {
        const WaContact from = parseFixture(QStringLiteral("username_only")).messages.value(0).from;
        QCOMPARE(from.key(), QStringLiteral("ID.7700112233445566"));
        QCOMPARE(from.parentUserId, QStringLiteral("ID.ENT.5544332211009988"));
        QCOMPARE(from.username, QStringLiteral("@rina.ayu"));
    }

    void shouldKeepWhatTheStructDoesNotModelInRaw()
    {
        const InboundMessage flow =
            parseFixture(QStringLiteral("interactive_nfm_reply")).messages.value(0);
        const QString responseJson = flow.raw.value(QLatin1String("interactive"))
                                         .toObject()
                                         .value(QLatin1String("nfm_reply"))
                                         .toObject()
                                         .value(QLatin1String("response_json"))
                                         .toString();
        const QJsonObject response = QJsonDocument::fromJson(responseJson.toUtf8()).object();
        QCOMPARE(response.value(QLatin1String("flow_token")).toString(),
                 QStringLiteral("retur-7781"));
        QCOMPARE(response.value(QLatin1String("catatan")).toString(),
                 QStringLiteral("Mau tukar ke ukuran L 🙏"));

        const InboundMessage ad = parseFixture(QStringLiteral("text_referral")).messages.value(0);
        QCOMPARE(ad.raw.value(QLatin1String("referral"))
                     .toObject()
                     .value(QLatin1String("ctwa_clid"))
                     .toString(),
                 QStringLiteral("ARAkLmNoPqRsTuVwXyZ0123456789abcdef"));

        const InboundMessage forwarded =
            parseFixture(QStringLiteral("text_forwarded")).messages.value(0);
        QVERIFY(forwarded.raw.value(QLatin1String("context"))
                    .toObject()
                    .value(QLatin1String("frequently_forwarded"))
                    .toBool());

        const InboundMessage place =
            parseFixture(QStringLiteral("location_string_coordinates")).messages.value(0);
        QCOMPARE(place.raw.value(QLatin1String("location"))
                     .toObject()
                     .value(QLatin1String("latitude"))
                     .toString(),
                 QStringLiteral("-8.6704582"));

        const InboundMessage future =
            parseFixture(QStringLiteral("unknown_future_type")).messages.value(0);
        QCOMPARE(future.raw.value(QLatin1String("sparkle_level")).toString(),
                 QStringLiteral("tinggi"));
    }

    void shouldReadAsyncErrors()
    {
        const WebhookBatch batch = parseFixture(QStringLiteral("errors_async"));
        QVERIFY(batch.messages.isEmpty());
        QVERIFY(batch.statuses.isEmpty());
        QCOMPARE(batch.errors.size(), 2);
        QCOMPARE(batch.errors[0].phoneNumberId, BusinessPnid);
        QCOMPARE(batch.errors[0].code, 131042);
        QCOMPARE(batch.errors[0].title, QStringLiteral("Business eligibility payment issue"));
        QCOMPARE(batch.errors[0].details,
                 QStringLiteral(
                     "Payment method for the WhatsApp Business Account is missing or expired."));
        QCOMPARE(batch.errors[1].code, 131000);
        QCOMPARE(batch.errors[1].title, QStringLiteral("Something went wrong"));
        QVERIFY(batch.errors[1].details.isEmpty());
    }

    void shouldIgnoreOtherWebhookFields()
    {
        const WebhookBatch batch = parseFixture(QStringLiteral("template_status_update"));
        QCOMPARE(batch.ignoredChanges, 1);
        QVERIFY(batch.messages.isEmpty());
        QVERIFY(batch.statuses.isEmpty());
        QVERIFY(batch.errors.isEmpty());
    }

    void shouldFlattenABatchInOrder()
    {
        const WebhookBatch batch = parseFixture(QStringLiteral("batch"));
        QCOMPARE(batch.messages.size(), 6);
        QCOMPARE(batch.statuses.size(), 6);
        QCOMPARE(batch.errors.size(), 1);
        QCOMPARE(batch.ignoredChanges, 1);

        const QString otherPnid = QStringLiteral("109000111222333");
        const QStringList messagePnids{BusinessPnid, BusinessPnid, otherPnid,
                                       BusinessPnid, BusinessPnid, BusinessPnid};
        const QStringList senders{SitiWaId,
                                  QStringLiteral("6285712345678"),
                                  QStringLiteral("6281855554444"),
                                  QStringLiteral("6285712345678"),
                                  QStringLiteral("6285712345678"),
                                  QStringLiteral("6285712345678")};
        const QStringList names{Siti,
                                QStringLiteral("Budi Santoso 🛵"),
                                QStringLiteral("Putu Ayu"),
                                QStringLiteral("Budi Santoso 🛵"),
                                QStringLiteral("Budi Santoso 🛵"),
                                QStringLiteral("Budi Santoso 🛵")};
        const QList<qint64> timestamps{1767228000, 1767228001, 1767228004,
                                       1767228006, 1767228007, 1767228008};
        for (int i = 0; i < batch.messages.size(); ++i) {
            const InboundMessage &message = batch.messages[i];
            QCOMPARE(message.phoneNumberId, messagePnids[i]);
            QCOMPARE(message.from.key(), senders[i]);
            QCOMPARE(message.from.profileName, names[i]);
            QCOMPARE(message.timestamp, timestamps[i]);
        }
        QCOMPARE(batch.messages[1].text, QStringLiteral("Saya mau pesan 3 bungkus 🙏"));
        QCOMPARE(batch.messages[2].displayPhoneNumber, QStringLiteral("6282244556677"));
        QCOMPARE(batch.messages[5].type, QStringLiteral("reaction"));
        QCOMPARE(batch.messages[5].text, QStringLiteral("👍"));

        const QStringList statuses{QStringLiteral("delivered"), QStringLiteral("read"),
                                   QStringLiteral("sent"),      QStringLiteral("sent"),
                                   QStringLiteral("delivered"), QStringLiteral("failed")};
        for (int i = 0; i < batch.statuses.size(); ++i)
            QCOMPARE(batch.statuses[i].status, statuses[i]);
        QCOMPARE(batch.statuses[2].phoneNumberId, otherPnid);
        QCOMPARE(batch.statuses[2].callbackData, QStringLiteral("outbox-77"));
        QCOMPARE(batch.statuses[5].errorCode, 131026);
        QCOMPARE(batch.errors[0].phoneNumberId, otherPnid);
        QCOMPARE(batch.errors[0].code, 131031);
    }

    void shouldRefuseWhatIsNotAWhatsAppWebhook_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("cut off in transit")
            << Serambi::Test::readData(QStringLiteral("webhooks/text.json")).chopped(40);
        QTest::newRow("form encoded") << QByteArray("object=whatsapp_business_account");
        QTest::newRow("wrong object") << QByteArray(R"({"object":"page","entry":[]})");
        QTest::newRow("no object") << QByteArray(R"({"entry":[]})");
        QTest::newRow("numeric object") << QByteArray(R"({"object":1,"entry":[]})");
        QTest::newRow("entry is an object")
            << QByteArray(R"({"object":"whatsapp_business_account","entry":{"id":"1"}})");
        QTest::newRow("no entry") << QByteArray(R"({"object":"whatsapp_business_account"})");
    }

    void shouldRefuseWhatIsNotAWhatsAppWebhook()
    {
        QFETCH(QByteArray, body);
        QString error;
        QVERIFY(!parseWebhook(body, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!parseWebhook(body));
    }

    void shouldSurviveMissingAndOddlyTypedKeys_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("statuses");
        QTest::addColumn<int>("ignored");
        const QByteArray head = R"({"object":"whatsapp_business_account","entry":)";
        QTest::newRow("no entries") << QByteArray(head + "[]}") << 0 << 0 << 0;
        QTest::newRow("entry not an object") << QByteArray(head + "[1,null,\"x\"]}") << 0 << 0 << 0;
        QTest::newRow("changes not an array")
            << QByteArray(head + R"([{"changes":{"field":"messages"}}]})") << 0 << 0 << 0;
        QTest::newRow("change not an object")
            << QByteArray(head + R"([{"changes":[7]}]})") << 0 << 0 << 1;
        QTest::newRow("no field") << QByteArray(head + R"([{"changes":[{"value":{}}]}]})") << 0 << 0
                                  << 1;
        QTest::newRow("no value") << QByteArray(head + R"([{"changes":[{"field":"messages"}]}]})")
                                  << 0 << 0 << 0;
        QTest::newRow("value not an object") << envelopeWithValue("[]") << 0 << 0 << 0;
        QTest::newRow("empty message") << envelopeWithMessage("{}") << 1 << 0 << 0;
        QTest::newRow("message not an object") << envelopeWithMessage("null, 3") << 0 << 0 << 0;
        QTest::newRow("text not an object")
            << envelopeWithMessage(R"({"type":"text","text":"hi"})") << 1 << 0 << 0;
        QTest::newRow("numeric type") << envelopeWithMessage(R"({"type":5})") << 1 << 0 << 0;
        QTest::newRow("context and errors oddly typed")
            << envelopeWithMessage(R"({"type":"text","context":"x","errors":{"code":1}})") << 1 << 0
            << 0;
        QTest::newRow("error not an object")
            << envelopeWithMessage(R"({"type":"unsupported","errors":["boom"]})") << 1 << 0 << 0;
        QTest::newRow("interactive without reply")
            << envelopeWithMessage(
                   R"({"type":"interactive","interactive":{"type":"button_reply"}})")
            << 1 << 0 << 0;
        QTest::newRow("edit without message")
            << envelopeWithMessage(R"({"type":"edit","edit":{}})") << 1 << 0 << 0;
        QTest::newRow("contacts card without contacts")
            << envelopeWithMessage(R"({"type":"contacts","contacts":[]})") << 1 << 0 << 0;
        QTest::newRow("timestamp not a number")
            << envelopeWithMessage(R"({"type":"text","timestamp":"soon","id":true})") << 1 << 0
            << 0;
        QTest::newRow("contacts oddly shaped")
            << envelopeWithValue(R"({"contacts":[1,{"profile":"x"}],"messages":[{"from":"1"}]})")
            << 1 << 0 << 0;
        QTest::newRow("statuses oddly shaped")
            << envelopeWithValue(R"({"statuses":[{},{"errors":[]},{"errors":[{"error_data":5}]}]})")
            << 0 << 3 << 0;
        QTest::newRow("errors oddly shaped")
            << envelopeWithValue(R"({"errors":"x","messages":{},"statuses":null})") << 0 << 0 << 0;
    }

    void shouldSurviveMissingAndOddlyTypedKeys()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, messages);
        QFETCH(int, statuses);
        QFETCH(int, ignored);
        QString error;
        const auto batch = parseWebhook(body, &error);
        QVERIFY2(batch, qPrintable(error));
        QCOMPARE(batch->messages.size(), messages);
        QCOMPARE(batch->statuses.size(), statuses);
        QCOMPARE(batch->ignoredChanges, ignored);
        for (const InboundMessage &message : batch->messages) {
            QCOMPARE(message.timestamp, 0);
            QVERIFY(message.text.isEmpty());
            QVERIFY(message.contextId.isEmpty());
            QCOMPARE(message.errorCode, 0);
        }
        for (const StatusUpdate &update : batch->statuses) {
            QVERIFY(update.wamid.isEmpty());
            QCOMPARE(update.errorCode, 0);
            QVERIFY(update.errorDetails.isEmpty());
        }
    }

    void shouldMatchTheSenderAmongSeveralContactsByUserId()
    {
        const auto batch = parseWebhook(envelopeWithValue(R"({
            "contacts": [{"profile": {"name": "Ani"}, "user_id": "ID.1"},
                         {"profile": {"name": "Bayu", "username": "@bayu"}, "user_id": "ID.2"}],
            "messages": [{"from_user_id": "ID.2", "id": "wamid.B", "type": "text"},
                         {"from_user_id": "ID.3", "id": "wamid.C", "type": "text"}]})"));
        QVERIFY(batch);
        QCOMPARE(batch->messages.size(), 2);
        QCOMPARE(batch->messages[0].from.profileName, QStringLiteral("Bayu"));
        QCOMPARE(batch->messages[0].from.username, QStringLiteral("@bayu"));
        QCOMPARE(batch->messages[1].from.key(), QStringLiteral("ID.3"));
        QVERIFY(batch->messages[1].from.profileName.isEmpty());
    }

    void shouldFillAMissingIdFromTheOnlyContact()
    {
        const auto batch = parseWebhook(envelopeWithValue(R"({
            "contacts": [{"profile": {"name": "Ani"}, "wa_id": "628111", "user_id": "ID.1"}],
            "messages": [{"from_user_id": "ID.1", "id": "wamid.A", "type": "text"}]})"));
        QVERIFY(batch);
        QCOMPARE(batch->messages.value(0).from.waId, QStringLiteral("628111"));
        QCOMPARE(batch->messages.value(0).from.key(), QStringLiteral("628111"));
    }

    void shouldAcceptNumbersWhereStringsAreDocumented()
    {
        const auto batch = parseWebhook(envelopeWithValue(R"({
            "metadata": {"phone_number_id": 109876543210987, "display_phone_number": 628113},
            "messages": [{"from": 6281234567890, "id": "wamid.N", "timestamp": 1767225600,
                          "type": "text", "text": {"body": 42}}],
            "statuses": [{"id": "wamid.S", "status": "sent", "timestamp": 1767225601.0,
                          "recipient_id": 6281234567890,
                          "errors": [{"code": "131047", "message": "Re-engagement message"}]}]})"));
        QVERIFY(batch);
        const InboundMessage message = batch->messages.value(0);
        QCOMPARE(message.phoneNumberId, BusinessPnid);
        QCOMPARE(message.displayPhoneNumber, QStringLiteral("628113"));
        QCOMPARE(message.from.waId, SitiWaId);
        QCOMPARE(message.timestamp, qint64(1767225600));
        QCOMPARE(message.text, QStringLiteral("42"));
        const StatusUpdate update = batch->statuses.value(0);
        QCOMPARE(update.timestamp, qint64(1767225601));
        QCOMPARE(update.recipientId, SitiWaId);
        QCOMPARE(update.errorCode, 131047);
        QCOMPARE(update.errorTitle, QStringLiteral("Re-engagement message"));
    }

    void shouldTakeTheErrorMessageWhenThereIsNoTitle()
    {
        const auto batch = parseWebhook(envelopeWithMessage(
            R"({"type":"unsupported","errors":[{"code":131060,"message":"This message is currently unavailable"}]})"));
        QVERIFY(batch);
        QCOMPARE(batch->messages.value(0).errorCode, 131060);
        QCOMPARE(batch->messages.value(0).errorTitle,
                 QStringLiteral("This message is currently unavailable"));
        QVERIFY(!batch->messages.value(0).supported);
    }

    void shouldKeepTheDetailsOfAMessagesError()
    {
        const InboundMessage failed =
            parseFixture(QStringLiteral("interactive_error_131000")).messages.value(0);
        QCOMPARE(failed.errorDetails,
                 QStringLiteral("The interactive message could not be processed."));
    }

    void shouldReadTheNewCaptionOfAnEditedPhoto()
    {
        const InboundMessage edit =
            parseFixture(QStringLiteral("coexistence_edit_image")).messages.value(0);
        QCOMPARE(messageText(edit.raw), edit.text);
        const QJsonObject image = edit.raw.value(QLatin1String("edit"))
                                      .toObject()
                                      .value(QLatin1String("message"))
                                      .toObject()
                                      .value(QLatin1String("image"))
                                      .toObject();
        QCOMPARE(image.value(QLatin1String("id")).toString(), QStringLiteral("880011229999"));
    }

    void shouldDropTheChangesOfOtherBusinessNumbers()
    {
        WebhookBatch batch = parseFixture(QStringLiteral("other_business_numbers"));
        QCOMPARE(batch.changeNumbers, QStringList({QStringLiteral("209876543210555"), BusinessPnid,
                                                   QStringLiteral("pnid-not-a-number")}));
        QCOMPARE(batch.messages.size(), 2);
        QCOMPARE(batch.statuses.size(), 1);

        QStringList foreign;
        QCOMPARE(dropOtherNumbers(batch, BusinessPnid, &foreign), 2);
        QCOMPARE(foreign, QStringList({QStringLiteral("209876543210555"),
                                       QStringLiteral("pnid-not-a-number")}));
        QCOMPARE(batch.messages.size(), 1);
        QCOMPARE(batch.messages.first().text, QStringLiteral("Halo, ini ke nomor toko yang benar"));
        QVERIFY(batch.statuses.isEmpty());
        QCOMPARE(batch.changeNumbers, QStringList{BusinessPnid});
        QCOMPARE(dropOtherNumbers(batch, BusinessPnid), 0);
    }

    void shouldReadTheCaptionOfAnEditedMedia()
    {
        const auto batch = parseWebhook(envelopeWithMessage(R"({"type":"edit","edit":{
            "original_message_id":"wamid.O",
            "message":{"type":"image","image":{"id":"1","caption":"Foto baru \ud83d\udcf7"}}}})"));
        QVERIFY(batch);
        QCOMPARE(batch->messages.value(0).text, QStringLiteral("Foto baru 📷"));
        QCOMPARE(batch->messages.value(0).contextId, QStringLiteral("wamid.O"));
    }
};

QTEST_GUILESS_MAIN(TestWebhookParser)
#include "tst_webhookparser.moc"
