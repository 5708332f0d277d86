#include "whatsapp/signature.h"
#include "whatsapp/webhookparser.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Serambi::Relay;

namespace {

const QByteArray Secret("my_app_secret_123");
const QByteArray EmptyEntryBody(R"({"object":"whatsapp_business_account","entry":[]})");
const QByteArray
    EmptyEntrySignature("sha256=81383fc053110368de0e20866a9314c814f1aba1a3ccaad9007487fa2a0cae0e");

// A body the way Meta sends it: non-ASCII text as \uXXXX escapes, lowercase hex.
QByteArray escapedTextBody(const QByteArray &escapedText)
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"0","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","messages":[{"type":"text","text":{"body":")" +
           escapedText + R"("}}]}}]}]})";
}

} // namespace

class TestSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMatchTheKnownAnswerVectors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty entry") << EmptyEntryBody << 49 << EmptyEntrySignature;
        QTest::newRow("escaped e-acute")
            << escapedTextBody(R"(caf\u00e9)") << 190
            << QByteArray(
                   "sha256=da0dea03ed093479df89d869917c85ebc662de6bf8f2690920a7996118838d43");
        QTest::newRow("utf-8 e-acute")
            << escapedTextBody("caf\xc3\xa9") << 186
            << QByteArray(
                   "sha256=3a4771e41f39cab18aba38060d8e474d9e4d9f48d98febd1b3713f903293af3f");
    }

    void shouldMatchTheKnownAnswerVectors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, size);
        QFETCH(QByteArray, header);
        QCOMPARE(body.size(), size);
        QCOMPARE(webhookSignature(body, Secret), header);
        QVERIFY(verifyWebhookSignature(body, header, Secret));
    }

    void shouldRejectABodyChangedAfterSigning()
    {
        QByteArray tampered = EmptyEntryBody;
        tampered.replace("[]", "[ ]");
        QVERIFY(!verifyWebhookSignature(tampered, EmptyEntrySignature, Secret));
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody + '\n', EmptyEntrySignature, Secret));
    }

    void shouldRejectAMissingHeader()
    {
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, QByteArray(), Secret));
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, QByteArray("sha256="), Secret));
    }

    void shouldRejectAWrongPrefix_data()
    {
        const QByteArray hex = EmptyEntrySignature.mid(7);
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("no prefix") << hex;
        QTest::newRow("sha1") << QByteArray("sha1=" + hex);
        QTest::newRow("upper-case algorithm") << QByteArray("SHA256=" + hex);
        QTest::newRow("colon") << QByteArray("sha256:" + hex);
        QTest::newRow("leading space") << QByteArray(" sha256=" + hex);
    }

    void shouldRejectAWrongPrefix()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, header, Secret));
    }

    void shouldAcceptUpperCaseHex()
    {
        const QByteArray upper = "sha256=" + EmptyEntrySignature.mid(7).toUpper();
        QVERIFY(upper != EmptyEntrySignature);
        QVERIFY(verifyWebhookSignature(EmptyEntryBody, upper, Secret));
    }

    void shouldRejectAWrongLength_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("one digit short") << EmptyEntrySignature.chopped(1);
        QTest::newRow("one digit extra") << QByteArray(EmptyEntrySignature + '0');
        QTest::newRow("trailing newline") << QByteArray(EmptyEntrySignature + '\n');
        QTest::newRow("sha1 length") << EmptyEntrySignature.left(7 + 40);
    }

    void shouldRejectAWrongLength()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, header, Secret));
    }

    void shouldRejectNonHexDigits()
    {
        QByteArray header = EmptyEntrySignature;
        header[header.size() - 1] = 'g';
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, header, Secret));
        header[header.size() - 1] = '\0';
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, header, Secret));
    }

    void shouldRejectAnotherAppsSecret()
    {
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, EmptyEntrySignature,
                                        QByteArray("my_app_secret_124")));
    }

    void shouldNeverVerifyWithAnEmptySecret()
    {
        const QByteArray forged = webhookSignature(EmptyEntryBody, QByteArray());
        QVERIFY(!verifyWebhookSignature(EmptyEntryBody, forged, QByteArray()));
    }

    void shouldVerifyEscapedEmojiOnlyAsSent()
    {
        // U+1F600 arrives as a surrogate pair of \u escapes: twelve ASCII bytes.
        const QByteArray escaped = escapedTextBody(R"(Halo \ud83d\ude00)");
        const QByteArray expected =
            "sha256=" +
            QMessageAuthenticationCode::hash(escaped, Secret, QCryptographicHash::Sha256).toHex();
        QCOMPARE(webhookSignature(escaped, Secret), expected);
        QVERIFY(verifyWebhookSignature(escaped, expected, Secret));

        const auto batch = parseWebhook(escaped);
        QVERIFY(batch);
        QCOMPARE(batch->messages.size(), 1);
        QCOMPARE(batch->messages.first().text, QStringLiteral("Halo 😀"));

        // The re-serialisation trap: the same JSON written back as UTF-8 no longer verifies.
        const QByteArray reserialised =
            QJsonDocument::fromJson(escaped).toJson(QJsonDocument::Compact);
        QVERIFY(reserialised.contains("Halo \xf0\x9f\x98\x80"));
        QVERIFY(!verifyWebhookSignature(reserialised, expected, Secret));
    }

    void shouldCompareOnlyEqualBytesAsEqual()
    {
        QVERIFY(constantTimeEquals(QByteArray(), QByteArray()));
        QVERIFY(constantTimeEquals(QByteArray("abc"), QByteArray("abc")));
        QVERIFY(!constantTimeEquals(QByteArray("abc"), QByteArray("abd")));
        QVERIFY(!constantTimeEquals(QByteArray("xbc"), QByteArray("abc")));
        QVERIFY(!constantTimeEquals(QByteArray("abc"), QByteArray("abcd")));
        QVERIFY(!constantTimeEquals(QByteArray("abc"), QByteArray()));
        QVERIFY(!constantTimeEquals(QByteArray("a\0c", 3), QByteArray("a\0d", 3)));
    }
};

QTEST_GUILESS_MAIN(TestSignature)
#include "tst_signature.moc"
