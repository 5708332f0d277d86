#include "hub/loginthrottle.h"
#include "hub/passwords.h"
#include "hub/sessiontoken.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Serambi::Relay;

class tst_Passwords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAcceptTheRightPassword()
    {
        const User user =
            makeUser(QStringLiteral("sari"), QStringLiteral("Sari"), Serambi::Protocol::Role::Agent,
                     QStringLiteral("kopi-tubruk"), 1000);
        QCOMPARE(user.role, QStringLiteral("agent"));
        QCOMPARE(user.passwordSalt.size(), PasswordSaltBytes);
        QCOMPARE(user.passwordHash.size(), PasswordKeyBytes);
        QCOMPARE(user.passwordIterations, 1000);
        QVERIFY(!user.passwordHash.contains("kopi"));
        QVERIFY(verifyPassword(user, QStringLiteral("kopi-tubruk")));
    }

    void shouldRefuseAWrongPassword()
    {
        const User user = makeUser(QStringLiteral("sari"), {}, Serambi::Protocol::Role::Agent,
                                   QStringLiteral("kopi-tubruk"), 1000);
        QCOMPARE(user.displayName, QStringLiteral("sari"));
        QVERIFY(!verifyPassword(user, QStringLiteral("kopi-tubruK")));
        QVERIFY(!verifyPassword(user, QString()));
    }

    void shouldSaltEveryUserDifferently()
    {
        const User a = makeUser(QStringLiteral("a"), {}, Serambi::Protocol::Role::Agent,
                                QStringLiteral("same"), 1000);
        const User b = makeUser(QStringLiteral("b"), {}, Serambi::Protocol::Role::Agent,
                                QStringLiteral("same"), 1000);
        QVERIFY(a.passwordSalt != b.passwordSalt);
        QVERIFY(a.passwordHash != b.passwordHash);
    }

    void shouldMatchPbkdf2Sha256TestVector()
    {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64), first 32 bytes.
        QCOMPARE(
            derivePasswordKey(QStringLiteral("passwd"), QByteArrayLiteral("salt"), 1).toHex(),
            QByteArrayLiteral("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    }

    void shouldTreatComposedAndDecomposedPasswordsAlike()
    {
        const User user = makeUser(QStringLiteral("dewi"), {}, Serambi::Protocol::Role::Agent,
                                   QStringLiteral("caf\u00e9"), 1000);
        QVERIFY(verifyPassword(user, QStringLiteral("cafe\u0301")));
    }

    void shouldMatchOnlyEqualNonEmptyKeys()
    {
        QVERIFY(passwordKeyMatches(QByteArrayLiteral("abc"), QByteArrayLiteral("abc")));
        QVERIFY(!passwordKeyMatches(QByteArrayLiteral("abc"), QByteArrayLiteral("abd")));
        QVERIFY(!passwordKeyMatches(QByteArrayLiteral("abc"), QByteArrayLiteral("ab")));
        QVERIFY(!passwordKeyMatches(QByteArray(), QByteArray()));
    }

    void shouldIssueUnguessableUrlSafeTokens()
    {
        const QString token = newSessionToken();
        QCOMPARE(token.size(), 43); // 32 bytes, base64url, no padding
        for (const QChar c : token)
            QVERIFY(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'));
        QVERIFY(newSessionToken() != token);
        QCOMPARE(sessionTokenHash(token),
                 QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256));
    }

    void shouldThrottleAfterTheFifthFailureWithGrowingBackoff()
    {
        LoginThrottle throttle(5, 60000);
        const QStringList keys{LoginThrottle::userKey(QStringLiteral("Sari")),
                               LoginThrottle::addressKey(QStringLiteral("127.0.0.1"))};
        qint64 now = 1000000;
        for (int i = 0; i < 4; ++i) {
            throttle.recordFailure(keys, now);
            QCOMPARE(throttle.retryAfter(keys, now), 0);
        }
        throttle.recordFailure(keys, now);
        QCOMPARE(throttle.retryAfter(keys, now), 30);
        QCOMPARE(throttle.retryAfter({LoginThrottle::userKey(QStringLiteral("sari"))}, now), 30);
        now += 30000;
        QCOMPARE(throttle.retryAfter(keys, now), 0);
        throttle.recordFailure(keys, now);
        QCOMPARE(throttle.retryAfter(keys, now), 60);
        throttle.recordSuccess(LoginThrottle::userKey(QStringLiteral("sari")));
        QCOMPARE(throttle.retryAfter({LoginThrottle::userKey(QStringLiteral("sari"))}, now), 0);
        QCOMPARE(throttle.retryAfter(keys, now), 60); // the address is still throttled
    }

    void shouldForgetFailuresOutsideTheWindow()
    {
        LoginThrottle throttle(5, 60000);
        const QStringList keys{LoginThrottle::userKey(QStringLiteral("sari"))};
        qint64 now = 1000000;
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure(keys, now);
        now += 61000;
        throttle.recordFailure(keys, now);
        QCOMPARE(throttle.retryAfter(keys, now), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Passwords)
#include "tst_passwords.moc"
