// Start-up configuration: INI, SERAMBI_* overrides, the owner-only secrets file, and the one
// line that names a missing or invalid key.
#include "config/relayconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi::Relay;

class TestRelayConfig : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment completeEnvironment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SERAMBI_DATA_DIR"), m_dir->path());
        env.insert(QStringLiteral("SERAMBI_APP_SECRET"), QStringLiteral("app-secret"));
        env.insert(QStringLiteral("SERAMBI_VERIFY_TOKEN"), QStringLiteral("verify"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral("graph"));
        env.insert(QStringLiteral("SERAMBI_PHONE_NUMBER_ID"), QStringLiteral("109876543210"));
        return env;
    }

    QString writeFile(const QString &name, const QByteArray &content,
                      QFileDevice::Permissions permissions)
    {
        QFile file(m_dir->filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(content);
        file.close();
        file.setPermissions(permissions);
        return file.fileName();
    }

private Q_SLOTS:
    void init() { m_dir.emplace(); }

    void shouldStartWithTheEnvironmentAlone()
    {
        QString error;
        const auto config = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config->listenPort, quint16(8090));
        QCOMPARE(config->graphUrl.toString(), QStringLiteral("https://graph.facebook.com/v25.0"));
        QCOMPARE(config->appSecret, QByteArray("app-secret"));
        QCOMPARE(config->databasePath(), m_dir->filePath(QStringLiteral("relay.sqlite")));
        QVERIFY(config->wabaId.isEmpty()); // optional: no templates to sync
    }

    void shouldReadTheWabaId()
    {
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_WABA_ID"), QStringLiteral("102030405060708"));
        QString error;
        const auto config = loadRelayConfig({}, env, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->wabaId, QStringLiteral("102030405060708"));
    }

    void shouldNameTheMissingKey_data()
    {
        QTest::addColumn<QString>("variable");
        for (const char *name : {"SERAMBI_APP_SECRET", "SERAMBI_VERIFY_TOKEN",
                                 "SERAMBI_GRAPH_TOKEN", "SERAMBI_PHONE_NUMBER_ID"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void shouldNameTheMissingKey()
    {
        QFETCH(QString, variable);
        QProcessEnvironment env = completeEnvironment();
        env.remove(variable);
        QString error;
        QVERIFY(!loadRelayConfig({}, env, &error));
        QVERIFY2(error.startsWith(variable), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void shouldNameTheInvalidKey_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("listen without port") << "SERAMBI_LISTEN"
                                             << "127.0.0.1";
        QTest::newRow("listen bad host") << "SERAMBI_LISTEN"
                                         << "nowhere:80";
        QTest::newRow("port too big") << "SERAMBI_LISTEN"
                                      << "127.0.0.1:70000";
        QTest::newRow("graph url") << "SERAMBI_GRAPH_URL"
                                   << "ftp://graph";
        QTest::newRow("phone number id") << "SERAMBI_PHONE_NUMBER_ID"
                                         << "+62 811";
        QTest::newRow("waba id") << "SERAMBI_WABA_ID"
                                 << "WABA-1";
        QTest::newRow("ai mode") << "SERAMBI_AI_MODE"
                                 << "sometimes";
        QTest::newRow("db sync") << "SERAMBI_DB_SYNC"
                                 << "maybe";
        QTest::newRow("body limit") << "SERAMBI_MAX_BODY_KIB"
                                    << "lots";
        QTest::newRow("negative capacity") << "SERAMBI_AUTO_ASSIGN_CAPACITY"
                                           << "-1";
        QTest::newRow("media host with path") << "SERAMBI_MEDIA_DOWNLOAD_HOSTS"
                                              << "lookaside.fbsbx.com/x";
        QTest::newRow("media origin ftp") << "SERAMBI_MEDIA_DOWNLOAD_HOSTS"
                                          << "ftp://127.0.0.1:21";
        QTest::newRow("header timeout") << "SERAMBI_HTTP_HEADER_TIMEOUT_MS"
                                        << "0";
        QTest::newRow("llm concurrency") << "SERAMBI_LLM_MAX_CONCURRENT"
                                         << "0";
        QTest::newRow("upload quota") << "SERAMBI_UPLOAD_QUOTA_MIB"
                                      << "-5";
        QTest::newRow("meta rate") << "SERAMBI_META_RATE_MARKETING"
                                   << "Rp 586";
        QTest::newRow("negative meta rate") << "SERAMBI_META_RATE_UTILITY"
                                            << "-1";
        QTest::newRow("meta currency") << "SERAMBI_META_CURRENCY"
                                       << " ";
        QTest::newRow("db url not postgresql") << "SERAMBI_DB_URL"
                                               << "mysql://serambi@127.0.0.1/relay";
        QTest::newRow("db url without database") << "SERAMBI_DB_URL"
                                                 << "postgresql://serambi@127.0.0.1:5432";
        QTest::newRow("db url with password") << "SERAMBI_DB_URL"
                                              << "postgresql://serambi:hunter2@127.0.0.1/relay";
        QTest::newRow("burst quiet period") << "SERAMBI_AI_BURST_QUIET_MS"
                                            << "61000";
    }

    void shouldNameTheInvalidKey()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment env = completeEnvironment();
        env.insert(variable, value);
        QString error;
        QVERIFY(!loadRelayConfig({}, env, &error));
        QVERIFY2(error.startsWith(variable), qPrintable(error));
    }

    void shouldLetTheEnvironmentOverrideTheIniFile()
    {
        const QString ini = writeFile(
            QStringLiteral("relay.ini"), "[relay]\nlisten = 127.0.0.1:9001\nai_mode = off\n",
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_AI_MODE"), QStringLiteral("auto"));
        QString error;
        const auto config = loadRelayConfig(ini, env, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->listenPort, quint16(9001));
        QCOMPARE(config->defaultAiMode, QStringLiteral("auto"));
    }

    void shouldReadTheLimitsAndKeepMetricsOpenByDefault()
    {
        QString error;
        const auto defaults = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(defaults, qPrintable(error));
        QCOMPARE(defaults->mediaDownloadHosts, QStringList{QStringLiteral("lookaside.fbsbx.com")});
        QVERIFY(defaults->metricsToken.isEmpty());
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_MEDIA_DOWNLOAD_HOSTS"),
                   QStringLiteral("lookaside.fbsbx.com, *.whatsapp.net,http://127.0.0.1:8091"));
        env.insert(QStringLiteral("SERAMBI_METRICS_TOKEN"), QStringLiteral("scrape-me"));
        env.insert(QStringLiteral("SERAMBI_HTTP_MAX_CONNECTIONS_PER_ADDRESS"), QStringLiteral("0"));
        env.insert(QStringLiteral("SERAMBI_UPLOAD_QUOTA_MIB"), QStringLiteral("50"));
        env.insert(QStringLiteral("SERAMBI_LLM_MAX_CONCURRENT"), QStringLiteral("2"));
        const auto config = loadRelayConfig({}, env, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(
            config->mediaDownloadHosts,
            QStringList({QStringLiteral("lookaside.fbsbx.com"), QStringLiteral("*.whatsapp.net"),
                         QStringLiteral("http://127.0.0.1:8091")}));
        QCOMPARE(config->metricsToken, QByteArray("scrape-me"));
        QCOMPARE(config->httpMaxConnectionsPerAddress, 0);
        QCOMPARE(config->uploadQuotaMib, 50);
        QCOMPARE(config->llmMaxConcurrent, 2);
    }

    void shouldReadMetasRatesForTheReports()
    {
        const QString ini = writeFile(QStringLiteral("relay.ini"),
                                      "[relay]\nmeta_currency = IDR\nmeta_rate_marketing = "
                                      "586.33\nmeta_rate_utility = 356.65\n",
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        const auto config = loadRelayStorageConfig(ini, completeEnvironment(), &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->metaCurrency, QStringLiteral("IDR"));
        QCOMPARE(config->metaRates.value(QStringLiteral("marketing")), 586.33);
        QCOMPARE(config->metaRates.value(QStringLiteral("utility")), 356.65);
        QVERIFY(!config->metaRates.contains(QStringLiteral("authentication")));
    }

    void shouldAutoAssignOnlyWhenAsked()
    {
        QString error;
        const auto defaults = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(defaults, qPrintable(error));
        QCOMPARE(defaults->autoAssignCapacity, 0);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_AUTO_ASSIGN_CAPACITY"), QStringLiteral("4"));
        const auto config = loadRelayConfig({}, env, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->autoAssignCapacity, 4);
    }

    void shouldAskForRatingsOnlyWhenEnabled()
    {
        QString error;
        const auto defaults = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(defaults, qPrintable(error));
        QVERIFY(!defaults->csat.enabled);
        QVERIFY(defaults->csat.question.startsWith(QLatin1String("Bagaimana pelayanan kami")));

        const QString ini = writeFile(
            QStringLiteral("relay.ini"),
            "[csat]\nenabled=true\nquestion=\"How did we do? Pick 1 (bad) to 5 (great).\"\n"
            "button=Rate us\nthanks=Thank you!\nanswer_hours=48\n",
            QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const auto config = loadRelayConfig(ini, completeEnvironment(), &error);
        QVERIFY2(config, qPrintable(error));
        QVERIFY(config->csat.enabled);
        QCOMPARE(config->csat.question,
                 QStringLiteral("How did we do? Pick 1 (bad) to 5 (great)."));
        QCOMPARE(config->csat.button, QStringLiteral("Rate us"));
        QCOMPARE(config->csat.thanks, QStringLiteral("Thank you!"));
        QCOMPARE(config->csat.acceptMs, 48LL * 3600 * 1000);
    }

    void shouldNameTheBadRatingSetting_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("enabled") << QByteArray("enabled=yes")
                                 << QStringLiteral("[csat] enabled must be true or false");
        QTest::newRow("empty question")
            << QByteArray("question=\"  \"")
            << QStringLiteral("[csat] question must have 1 to 4096 characters");
        QTest::newRow("long button")
            << QByteArray("button=Berikan penilaian Anda")
            << QStringLiteral("[csat] button must have 1 to 20 characters");
        QTest::newRow("long thanks")
            << QByteArray("thanks=") + QByteArray(4097, 'a')
            << QStringLiteral("[csat] thanks must have 1 to 4096 characters");
        QTest::newRow("answer hours")
            << QByteArray("answer_hours=0")
            << QStringLiteral("[csat] answer_hours must be a whole number from 1 to 720");
        QTest::newRow("answer hours text")
            << QByteArray("answer_hours=sehari")
            << QStringLiteral("[csat] answer_hours must be a whole number from 1 to 720");
    }

    void shouldNameTheBadRatingSetting()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        const QString ini = writeFile(QStringLiteral("relay.ini"), "[csat]\n" + line + '\n',
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        QVERIFY(!loadRelayConfig(ini, completeEnvironment(), &error));
        QCOMPARE(error, expected);
    }

    void shouldReadSecretsFromAnOwnerOnlyFile()
    {
        const QString secrets =
            writeFile(QStringLiteral("secrets.env"),
                      "# Meta\nSERAMBI_APP_SECRET=from-file\nSERAMBI_GRAPH_TOKEN=graph-from-file\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment env = completeEnvironment();
        env.remove(QStringLiteral("SERAMBI_APP_SECRET"));
        env.insert(QStringLiteral("SERAMBI_SECRETS_FILE"), secrets);
        QString error;
        const auto config = loadRelayConfig({}, env, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->appSecret, QByteArray("from-file"));
        // The environment still wins over the file.
        QCOMPARE(config->graphToken, QByteArray("graph"));
    }

    void shouldUsePostgresqlWithThePasswordFromTheSecretsFile()
    {
        const QString secrets =
            writeFile(QStringLiteral("secrets.env"), "SERAMBI_DB_PASSWORD=pg-from-file\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_DB_URL"),
                   QStringLiteral("postgresql://serambi@db.internal:5433/relay"));
        env.insert(QStringLiteral("SERAMBI_SECRETS_FILE"), secrets);
        QString error;
        const auto config = loadRelayConfig({}, env, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->databasePath(),
                 QStringLiteral("postgresql://serambi@db.internal:5433/relay"));
        QCOMPARE(config->dbPassword, QByteArray("pg-from-file"));
        // `serambi-relay user ...` reaches the same database with the same password.
        const auto storage = loadRelayStorageConfig({}, env, &error);
        QVERIFY2(storage, qPrintable(error));
        QCOMPARE(storage->dbPassword, QByteArray("pg-from-file"));
        // The password never appears in the INI file.
        const QString ini = writeFile(QStringLiteral("relay.ini"), "[relay]\ndb_password=hunter2\n",
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!loadRelayConfig(ini, env, &error));
        QVERIFY2(error.startsWith(QLatin1String("SERAMBI_DB_PASSWORD")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("hunter2")));
    }

    void shouldRefuseASecretsFileOthersCanRead()
    {
        const QString secrets =
            writeFile(QStringLiteral("secrets.env"), "SERAMBI_APP_SECRET=from-file\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_SECRETS_FILE"), secrets);
        QString error;
        QVERIFY(!loadRelayConfig({}, env, &error));
        QVERIFY2(error.startsWith(QLatin1String("SERAMBI_SECRETS_FILE")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("chmod 600")));
        QVERIFY(!error.contains(QLatin1String("from-file")));
    }

    void shouldRefuseSecretsInAWorldReadableIniFile()
    {
        const QString ini =
            writeFile(QStringLiteral("relay.ini"), "[relay]\ngraph_token = leaked\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QProcessEnvironment env = completeEnvironment();
        env.remove(QStringLiteral("SERAMBI_GRAPH_TOKEN"));
        QString error;
        QVERIFY(!loadRelayConfig(ini, env, &error));
        QVERIFY2(error.startsWith(QLatin1String("SERAMBI_GRAPH_TOKEN")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("leaked")));
    }

    void shouldReadTheLlmKeysAndKeepTheKeyOutOfTheIniFile()
    {
        QString error;
        const auto offline = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(offline, qPrintable(error));
        QVERIFY(!offline->llmEnabled());

        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_LLM_API_KEY"), QStringLiteral("sk-or-rahasia"));
        env.insert(QStringLiteral("SERAMBI_LLM_MODEL"), QStringLiteral("qwen/qwen-2.5-7b"));
        env.insert(QStringLiteral("SERAMBI_LLM_HEADERS"),
                   QStringLiteral("HTTP-Referer: https://toko.example; X-Title: Serambi"));
        const auto config = loadRelayConfig({}, env, &error);
        QVERIFY2(config, qPrintable(error));
        QVERIFY(config->llmEnabled());
        QCOMPARE(config->llmApiKey, QByteArrayLiteral("sk-or-rahasia"));
        QCOMPARE(config->llmBaseUrl, QUrl(QStringLiteral("https://openrouter.ai/api/v1")));
        QCOMPARE(config->llmModel, QStringLiteral("qwen/qwen-2.5-7b"));
        QCOMPARE(config->llmHeaders.size(), 2);
        QCOMPARE(config->llmHeaders.at(1).first, QByteArrayLiteral("X-Title"));
        QCOMPARE(config->llmHeaders.at(1).second, QByteArrayLiteral("Serambi"));

        QProcessEnvironment local = completeEnvironment();
        local.insert(QStringLiteral("SERAMBI_LLM_BASE_URL"),
                     QStringLiteral("http://127.0.0.1:11434/v1/"));
        const auto ollama = loadRelayConfig({}, local, &error);
        QVERIFY2(ollama, qPrintable(error));
        QVERIFY(ollama->llmEnabled());
        QCOMPARE(ollama->llmBaseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));

        const QString ini =
            writeFile(QStringLiteral("relay.ini"), "[relay]\nllm_api_key = sk-or-leaked\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!loadRelayConfig(ini, completeEnvironment(), &error));
        QVERIFY2(error.startsWith(QLatin1String("SERAMBI_LLM_API_KEY")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("leaked")));
    }

    void shouldReadTheWooCommerceWebhookSecretOnlyFromSecretPlaces()
    {
        QString error;
        const auto off = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(off, qPrintable(error));
        QVERIFY(off->wooWebhookSecret.isEmpty());

        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_WOOCOMMERCE_WEBHOOK_SECRET"),
                   QStringLiteral("wc_secret_abc"));
        const auto on = loadRelayConfig({}, env, &error);
        QVERIFY2(on, qPrintable(error));
        QCOMPARE(on->wooWebhookSecret, QByteArrayLiteral("wc_secret_abc"));

        const QString ini = writeFile(QStringLiteral("relay.ini"),
                                      "[relay]\nwoocommerce_webhook_secret = wc-leaked\n",
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!loadRelayConfig(ini, completeEnvironment(), &error));
        QVERIFY2(error.startsWith(QLatin1String("SERAMBI_WOOCOMMERCE_WEBHOOK_SECRET")),
                 qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("leaked")));
    }

    void shouldReadChannelsWithTheirSecretsFromTheEnvironment()
    {
        const QString ini = writeFile(QStringLiteral("relay.ini"),
                                      "[channel.main]\nlabel=Toko\ncolour=#25d366\n"
                                      "[channel.service]\nprovider=cloud\n"
                                      "phone_number_id=209876543210\nlabel=Servis\n"
                                      "rate_per_second=20\nteam=Komplain\n",
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_CHANNEL_SERVICE_APP_SECRET"), QStringLiteral("s1"));
        env.insert(QStringLiteral("SERAMBI_CHANNEL_SERVICE_VERIFY_TOKEN"), QStringLiteral("s2"));
        env.insert(QStringLiteral("SERAMBI_CHANNEL_SERVICE_GRAPH_TOKEN"), QStringLiteral("s3"));
        QString error;
        const auto config = loadRelayConfig(ini, env, &error);
        QVERIFY2(config, qPrintable(error));
        const QList<ChannelConfig> channels = config->allChannels();
        QCOMPARE(channels.size(), 2);
        QCOMPARE(channels.at(0).name, QStringLiteral("main"));
        QCOMPARE(channels.at(0).label, QStringLiteral("Toko"));
        QCOMPARE(channels.at(0).phoneNumberId, QStringLiteral("109876543210"));
        QCOMPARE(channels.at(0).appSecret, QByteArray("app-secret"));
        QCOMPARE(channels.at(1).name, QStringLiteral("service"));
        QCOMPARE(channels.at(1).label, QStringLiteral("Servis"));
        QCOMPARE(channels.at(1).ratePerSecond, 20);
        QCOMPARE(channels.at(1).team, QStringLiteral("Komplain"));
        QCOMPARE(channels.at(0).team, QString());
        QCOMPARE(channels.at(1).graphUrl, config->graphUrl);
        QCOMPARE(channels.at(1).appSecret, QByteArray("s1"));
        QCOMPARE(channels.at(1).verifyToken, QByteArray("s2"));
        QCOMPARE(channels.at(1).graphToken, QByteArray("s3"));
    }

    void shouldReadATwilioChannelWithItsAuthTokenFromTheEnvironment()
    {
        const QString ini =
            writeFile(QStringLiteral("relay.ini"),
                      "[channel.toko_twilio]\nprovider=twilio\nlabel=Twilio\n"
                      "account_sid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nnumber=+14155238886\n"
                      "public_url=https://relay.example.id/webhook/toko_twilio\n"
                      "api_url=http://127.0.0.1:8092\n"
                      "content_templates=order_update:HXcccccccccccccccccccccccccccccccc, "
                      "sapaan:HXdddddddddddddddddddddddddddddddd\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_CHANNEL_TOKO_TWILIO_AUTH_TOKEN"),
                   QStringLiteral("twilio-token"));
        QString error;
        const auto config = loadRelayConfig(ini, env, &error);
        QVERIFY2(config, qPrintable(error));
        const ChannelConfig twilio = config->allChannels().at(1);
        QCOMPARE(twilio.provider, QStringLiteral("twilio"));
        QCOMPARE(twilio.accountSid, QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        QCOMPARE(twilio.number, QStringLiteral("+14155238886"));
        QCOMPARE(twilio.businessNumber(), QStringLiteral("+14155238886"));
        QCOMPARE(twilio.publicUrl, QStringLiteral("https://relay.example.id/webhook/toko_twilio"));
        QCOMPARE(twilio.twilioUrl, QUrl(QStringLiteral("http://127.0.0.1:8092")));
        QCOMPARE(twilio.authToken, QByteArray("twilio-token"));
        QCOMPARE(twilio.contentSids.value(QStringLiteral("order_update")),
                 QStringLiteral("HXcccccccccccccccccccccccccccccccc"));
        QCOMPARE(twilio.contentSids.value(QStringLiteral("sapaan")),
                 QStringLiteral("HXdddddddddddddddddddddddddddddddd"));
    }

    void shouldNameTheBadTwilioKey_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("expected");
        const QByteArray twilio = "[channel.service]\nprovider=twilio\n"
                                  "account_sid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n";
        QTest::newRow("auth token in the file")
            << twilio + "number=+14155238886\nauth_token=oops\n"
            << QStringLiteral("[channel.service] auth_token is a secret: move it to "
                              "SERAMBI_CHANNEL_SERVICE_AUTH_TOKEN");
        QTest::newRow("missing auth token")
            << QByteArray("[channel.other]\nprovider=twilio\n"
                          "account_sid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nnumber=+14155238886\n")
            << QStringLiteral("[channel.other] auth_token is not set: add "
                              "SERAMBI_CHANNEL_OTHER_AUTH_TOKEN");
        QTest::newRow("bad account sid")
            << QByteArray("[channel.service]\nprovider=twilio\naccount_sid=AC12\n")
            << QStringLiteral("[channel.service] account_sid must be the Account SID");
        QTest::newRow("number without +")
            << twilio + "number=14155238886\n"
            << QStringLiteral("[channel.service] number must be the WhatsApp sender's number");
        QTest::newRow("plain http to another machine")
            << twilio + "number=+14155238886\napi_url=http://api.twilio.com\n"
            << QStringLiteral("[channel.service] api_url must be an https URL (http only to "
                              "this machine)");
        QTest::newRow("bad public url")
            << twilio + "number=+14155238886\npublic_url=relay.example.id/webhook\n"
            << QStringLiteral("[channel.service] public_url must be the http(s) webhook URL");
        QTest::newRow("bad content sid")
            << twilio + "number=+14155238886\ncontent_templates=order_update:HX12\n"
            << QStringLiteral("[channel.service] content_templates takes name:HX");
        QTest::newRow("same number twice")
            << twilio + "number=+14155238886\n[channel.again]\nprovider=twilio\n"
                        "account_sid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nnumber=+14155238886\n"
            << QStringLiteral("[channel.service] number is already the number of channel "
                              "again");
    }

    void shouldNameTheBadTwilioKey()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, expected);
        const QString path = writeFile(QStringLiteral("relay.ini"), ini,
                                       QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment env = completeEnvironment();
        for (const char *channel : {"SERVICE", "AGAIN"})
            env.insert(QStringLiteral("SERAMBI_CHANNEL_%1_AUTH_TOKEN").arg(QLatin1String(channel)),
                       QStringLiteral("secret"));
        QString error;
        QVERIFY(!loadRelayConfig(path, env, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("oops")));
    }

    void shouldNameTheBadChannelKey_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("expected");
        const QByteArray service = "[channel.service]\nprovider=cloud\n";
        QTest::newRow("secret in the file")
            << service + "phone_number_id=209876543210\ngraph_token=oops\n"
            << QStringLiteral("[channel.service] graph_token is a secret: move it to "
                              "SERAMBI_CHANNEL_SERVICE_GRAPH_TOKEN");
        QTest::newRow("missing secret")
            << QByteArray("[channel.other]\nprovider=cloud\nphone_number_id=309876543210\n")
            << QStringLiteral("[channel.other] app_secret is not set: add "
                              "SERAMBI_CHANNEL_OTHER_APP_SECRET");
        QTest::newRow("same number as main")
            << service + "phone_number_id=109876543210\n"
            << QStringLiteral("[channel.service] phone_number_id is already the number of "
                              "channel main");
        QTest::newRow("unknown provider")
            << QByteArray("[channel.service]\nprovider=pigeon\nphone_number_id=2\n")
            << QStringLiteral("[channel.service] provider must be");
        QTest::newRow("bad name") << QByteArray("[channel.Toko%20Baru]\nprovider=cloud\n")
                                  << QStringLiteral("a channel name is 1 to 32 of a-z");
        QTest::newRow("bad colour") << service + "phone_number_id=2\ncolour=green\n"
                                    << QStringLiteral("[channel.service] colour must be #rrggbb");
        QTest::newRow("bad rate") << service + "phone_number_id=2\nrate_per_second=0\n"
                                  << QStringLiteral("[channel.service] rate_per_second must be");
        QTest::newRow("bad team") << QByteArray("[channel.main]\nteam=\"Komplain:VIP\"\n")
                                  << QStringLiteral("[channel.main] team must be a team's name");
        QTest::newRow("main's number in its section")
            << QByteArray("[channel.main]\nphone_number_id=2\n")
            << QStringLiteral("[channel.main] the main channel's number is set in [relay]");
    }

    void shouldNameTheBadChannelKey()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, expected);
        const QString path = writeFile(QStringLiteral("relay.ini"), ini,
                                       QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment env = completeEnvironment();
        for (const char *key : {"APP_SECRET", "VERIFY_TOKEN", "GRAPH_TOKEN"})
            env.insert(QStringLiteral("SERAMBI_CHANNEL_SERVICE_") + QLatin1String(key),
                       QStringLiteral("secret"));
        QString error;
        QVERIFY(!loadRelayConfig(path, env, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("oops"))); // never the secret itself
    }

    void shouldReadTheOrderStatusTemplatesFromTheIniFile()
    {
        const QString ini = writeFile(
            QStringLiteral("relay.ini"),
            "[relay]\norder_status_templates = \"completed: pesanan_dikirim id name number "
            "courier tracking_number; processing: order_update id name number\"\n",
            QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        const auto config = loadRelayConfig(ini, completeEnvironment(), &error);
        QVERIFY2(config, qPrintable(error));
        const QList<OrderStatusTemplate> expected{
            {QStringLiteral("completed"),
             QStringLiteral("pesanan_dikirim"),
             QStringLiteral("id"),
             {QStringLiteral("name"), QStringLiteral("number"), QStringLiteral("courier"),
              QStringLiteral("tracking_number")}},
            {QStringLiteral("processing"),
             QStringLiteral("order_update"),
             QStringLiteral("id"),
             {QStringLiteral("name"), QStringLiteral("number")}}};
        QCOMPARE(config->orderStatusTemplates, expected);
        const auto none = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(none, qPrintable(error));
        QVERIFY(none->orderStatusTemplates.isEmpty());
    }

    void shouldNameTheBadOrderStatusTemplate_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no language") << "completed: pesanan_dikirim"
                                     << "is not \"status: template language [fields]\"";
        QTest::newRow("no status") << "pesanan_dikirim id name"
                                   << "is not \"status: template language [fields]\"";
        QTest::newRow("unknown field") << "completed: pesanan_dikirim id name resi"
                                       << "unknown field \"resi\"";
        QTest::newRow("twice") << "completed: a id; completed: b id"
                               << "status completed is named twice";
    }

    void shouldNameTheBadOrderStatusTemplate()
    {
        QFETCH(QString, value);
        QFETCH(QString, problem);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_ORDER_STATUS_TEMPLATES"), value);
        QString error;
        QVERIFY(!loadRelayConfig({}, env, &error));
        QVERIFY2(error.startsWith(QLatin1String("SERAMBI_ORDER_STATUS_TEMPLATES")),
                 qPrintable(error));
        QVERIFY2(error.contains(problem), qPrintable(error));
    }

    void shouldReadBusinessHoursWithListsAsTheOwnerWritesThem()
    {
        const QString ini =
            writeFile(QStringLiteral("relay.ini"),
                      "[relay]\nbusiness_hours = \"mon-fri 08:00-17:00; sat,sun 09:00-12:00\"\n"
                      "business_timezone = Asia/Makassar\n"
                      "business_holidays = 2026-12-25, 2027-01-01\n"
                      "out_of_hours_reply = We are closed, back {opens}.\n"
                      "out_of_hours_language = en\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        const auto config = loadRelayConfig(ini, completeEnvironment(), &error);
        QVERIFY2(config, qPrintable(error));
        const BusinessHours &hours = config->businessHours;
        QCOMPARE(hours.timeZone().id(), QByteArray("Asia/Makassar"));
        const QTimeZone makassar(QByteArrayLiteral("Asia/Makassar"));
        // Sunday 10:00 is open; both holidays (the list has an unquoted comma) are closed.
        QVERIFY(hours.isOpen(QDateTime(QDate(2026, 12, 6), QTime(10, 0), makassar)));
        QVERIFY(!hours.isOpen(QDateTime(QDate(2026, 12, 25), QTime(10, 0), makassar)));
        QVERIFY(!hours.isOpen(QDateTime(QDate(2027, 1, 1), QTime(10, 0), makassar)));
        QCOMPARE(config->outOfHoursReply, QStringLiteral("We are closed, back {opens}."));
        QCOMPARE(config->outOfHoursLanguage, QStringLiteral("en"));

        const auto none = loadRelayConfig({}, completeEnvironment(), &error);
        QVERIFY2(none, qPrintable(error));
        QVERIFY(none->businessHours.alwaysOpen());
        QVERIFY(none->outOfHoursReply.contains(QStringLiteral("{opens}")));
    }

    void shouldNameTheBadBusinessHoursKey_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("schedule") << "SERAMBI_BUSINESS_HOURS"
                                  << "weekdays 8-5";
        QTest::newRow("time zone") << "SERAMBI_BUSINESS_TIMEZONE"
                                   << "Jakarta";
        QTest::newRow("holiday") << "SERAMBI_BUSINESS_HOLIDAYS"
                                 << "Natal";
        QTest::newRow("language") << "SERAMBI_OUT_OF_HOURS_LANGUAGE"
                                  << "jv";
    }

    void shouldNameTheBadBusinessHoursKey()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment env = completeEnvironment();
        env.insert(QStringLiteral("SERAMBI_BUSINESS_HOURS"), QStringLiteral("mon-fri 08:00-17:00"));
        env.insert(variable, value);
        QString error;
        QVERIFY(!loadRelayConfig({}, env, &error));
        QVERIFY2(error.startsWith(variable), qPrintable(error));
    }

    void shouldRefuseAMissingConfigFile()
    {
        QString error;
        QVERIFY(!loadRelayConfig(m_dir->filePath(QStringLiteral("none.ini")), completeEnvironment(),
                                 &error));
        QVERIFY(error.contains(QLatin1String("none.ini")));
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestRelayConfig)
#include "tst_relayconfig.moc"
