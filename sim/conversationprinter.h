#pragma once

#include "grapherror.h"
#include "outboundmessage.h"

#include <QJsonObject>
#include <QObject>
#include <QTextStream>

class QIODevice;

namespace Serambi::Sim {

class SimState;
class TemplateCatalog;

// The live transcript the demo shows in the terminal: one readable line per message, customer
// to business and business to customer, with names. Bodies go to this device only, never to
// the logging category.
class ConversationPrinter : public QObject
{
    Q_OBJECT

public:
    ConversationPrinter(QIODevice *device, const SimState &state, const TemplateCatalog &templates,
                        QObject *parent = nullptr);

    void printInbound(const QString &waId, const QJsonObject &message);
    void printOutbound(const OutboundMessage &message);
    void printRefused(const QString &recipient, const GraphError &error);

    // "[foto] Ini paketnya", the text of a message object or a send body.
    static QString summarize(const QJsonObject &message, const TemplateCatalog &templates);

private:
    QString nameOf(const QString &waId) const;
    void printLine(const QString &line);

    QTextStream m_out;
    const SimState &m_state;
    const TemplateCatalog &m_templates;
};

} // namespace Serambi::Sim
