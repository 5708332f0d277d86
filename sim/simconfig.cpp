#include "simconfig.h"

#include <QRegularExpression>

namespace Serambi::Sim {

namespace {

bool isDigits(const QString &text, int minLength, int maxLength)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return text.size() >= minLength && text.size() <= maxLength && digits.match(text).hasMatch();
}

} // namespace

bool parseListenAddress(const QString &text, QHostAddress *address, quint16 *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint portNumber = text.mid(colon + 1).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return false;
    QHostAddress parsed;
    if (host == QLatin1String("localhost"))
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (!parsed.setAddress(host))
        return false;
    *address = parsed;
    *port = quint16(portNumber);
    return true;
}

bool parseStatusDelays(const QString &text, std::array<int, 3> *delays)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 3)
        return false;
    std::array<int, 3> parsed{};
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        parsed[size_t(i)] = parts.at(i).trimmed().toInt(&ok);
        if (!ok || parsed[size_t(i)] < 0)
            return false;
    }
    *delays = parsed;
    return true;
}

bool applyEnvironment(const QProcessEnvironment &environment, SimConfig *config, QString *error)
{
    struct Secret
    {
        const char *name;
        QByteArray *target;
    };
    for (const Secret &secret :
         {Secret{"SERAMBI_APP_SECRET", &config->appSecret},
          Secret{"SERAMBI_GRAPH_TOKEN", &config->graphToken},
          Secret{"SERAMBI_TWILIO_AUTH_TOKEN", &config->twilioAuthToken},
          Secret{"SERAMBI_WOOCOMMERCE_WEBHOOK_SECRET", &config->shopWebhookSecret}}) {
        const QString name = QLatin1String(secret.name);
        if (!environment.contains(name))
            continue;
        const QString value = environment.value(name);
        if (value.trimmed().isEmpty() || value.trimmed() != value) {
            *error = name + QStringLiteral(" is set but empty or padded with whitespace");
            return false;
        }
        *secret.target = value.toUtf8();
    }
    struct Id
    {
        const char *name;
        QString *target;
        int minLength;
        int maxLength;
    };
    for (const Id &id : {Id{"SERAMBI_PHONE_NUMBER_ID", &config->phoneNumberId, 5, 20},
                         Id{"SERAMBI_WABA_ID", &config->wabaId, 5, 20},
                         Id{"SERAMBI_DISPLAY_PHONE_NUMBER", &config->displayPhoneNumber, 8, 15}}) {
        const QString name = QLatin1String(id.name);
        if (!environment.contains(name))
            continue;
        const QString value = environment.value(name);
        if (!isDigits(value, id.minLength, id.maxLength)) {
            *error = name + QStringLiteral(" must be %1 to %2 digits, got \"%3\"")
                                .arg(id.minLength)
                                .arg(id.maxLength)
                                .arg(value.left(32));
            return false;
        }
        *id.target = value;
    }
    return true;
}

} // namespace Serambi::Sim
