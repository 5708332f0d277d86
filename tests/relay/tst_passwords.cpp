#include "auth/loginthrottle.h"
#include "auth/passwords.h"
#include "auth/sessiontoken.h"

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
        const QString pair =
            LoginThrottle::pairKey(QStringLiteral("127.0.0.1"), QStringLiteral("Sari"));
        const QStringList keys{pair, LoginThrottle::addressKey(QStringLiteral("127.0.0.1"))};
        const auto fail = [&](qint64 at) {
            throttle.begin(keys, at);
            throttle.finish(keys, true, at);
        };
        qint64 now = 1000000;
        for (int i = 0; i < 4; ++i) {
            fail(now);
            QCOMPARE(throttle.retryAfter(keys, now), 0);
        }
        fail(now);
        QCOMPARE(throttle.retryAfter(keys, now), 30);
        QCOMPARE(
            throttle.retryAfter(
                {LoginThrottle::pairKey(QStringLiteral("127.0.0.1"), QStringLiteral("sari"))}, now),
            30);
        now += 30000;
        QCOMPARE(throttle.retryAfter(keys, now), 0);
        fail(now);
        QCOMPARE(throttle.retryAfter(keys, now), 60);
        throttle.recordSuccess(pair, now);
        QCOMPARE(throttle.retryAfter({pair}, now), 0);
        QCOMPARE(throttle.retryAfter(keys, now), 60); // the address is still throttled
        QVERIFY(throttle.isKnownGood(pair, now));
        QVERIFY(!throttle.isKnownGood(pair, now + LoginThrottle::KnownGoodMs + 1));
    }

    void shouldCountAttemptsInFlightBeforeTheyFail()
    {
        LoginThrottle throttle(5, 60000);
        const QStringList keys{
            LoginThrottle::pairKey(QStringLiteral("203.0.113.7"), QStringLiteral("sari"))};
        const qint64 now = 1000000;
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(throttle.retryAfter(keys, now), 0);
            throttle.begin(keys, now);
        }
        QCOMPARE(throttle.retryAfter(keys, now), 1);
        throttle.finish(keys, false, now);
        QCOMPARE(throttle.retryAfter(keys, now), 0);
    }

    void shouldKeepTokenPrefixesApart()
    {
        QCOMPARE(LoginThrottle::tokenKey(QStringLiteral("abcdefgh-rest-of-token")),
                 LoginThrottle::tokenKey(QStringLiteral("abcdefgh-another")));
        QVERIFY(LoginThrottle::tokenKey(QStringLiteral("abcdefgh")) !=
                LoginThrottle::tokenKey(QStringLiteral("zbcdefgh")));
    }

    void shouldForgetFailuresOutsideTheWindow()
    {
        LoginThrottle throttle(5, 60000);
        const QStringList keys{
            LoginThrottle::pairKey(QStringLiteral("127.0.0.1"), QStringLiteral("sari"))};
        qint64 now = 1000000;
        for (int i = 0; i < 4; ++i) {
            throttle.begin(keys, now);
            throttle.finish(keys, true, now);
        }
        now += 61000;
        throttle.begin(keys, now);
        throttle.finish(keys, true, now);
        QCOMPARE(throttle.retryAfter(keys, now), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Passwords)
#include "tst_passwords.moc"
