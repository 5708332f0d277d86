#pragma once

#include "customerscript.h"
#include "outboundmessage.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

class QTimer;

namespace Serambi::Sim {

class MediaStore;
class SimState;
class WebhookSender;
struct SimConfig;

// The people on the other side. Any customer can be made to write (sendMessage); scripted
// customers also write on their own, one step at a time, moving on when the business replies
// or when they tire of waiting. Speed follows SimConfig::pace; pace 0 keeps them silent.
class CustomerSimulator : public QObject
{
    Q_OBJECT

public:
    CustomerSimulator(const SimConfig &config, SimState &state, const MediaStore &media,
                      WebhookSender &sender, QObject *parent = nullptr);

    // Registers the script's customers; autonomous ones start with start().
    void setScript(const CustomerScript &script);
    void start();
    void stop();

    // Makes the customer send one message (spec as in docs/simulator.md) through a signed
    // webhook. Unknown customers are created (profileName, else "Pelanggan NNNN").
    // Returns the message's wamid, or an empty string and an error.
    QString sendMessage(const QString &waId, const QJsonObject &spec, QString *error,
                        const QString &profileName = {});

    void handleBusinessMessage(const OutboundMessage &message);
    // Index of the next step for a scripted customer, -1 for an unscripted one.
    int nextStep(const QString &waId) const;
    QJsonArray toJson() const;

Q_SIGNALS:
    void messageSent(const QString &waId, const QString &wamid, const QJsonObject &message);
    void scriptFinished(const QString &waId);

private:
    struct Progress
    {
        int customerIndex = 0;
        int nextStep = 0;
        bool waitingForReply = false;
        QTimer *timer = nullptr;
    };

    void sendStep(const QString &waId);
    int paced(int milliseconds) const;

    const SimConfig &m_config;
    SimState &m_state;
    const MediaStore &m_media;
    WebhookSender &m_sender;
    CustomerScript m_script;
    QHash<QString, Progress> m_progress;
};

} // namespace Serambi::Sim
