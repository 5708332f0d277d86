#pragma once

#include "grapherror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Serambi::Sim {

// One HTTP request to the simulator, independent of QtHttpServer.
struct HttpRequest
{
    QString method;
    QString path;
    QString query; // encoded, without "?"
    QByteArray contentType;
    QByteArray authorization;
    QByteArray host; // the Host header, for URLs that point back at the simulator
    QByteArray body;
};

// What the simulator answers to one HTTP request, independent of QtHttpServer.
struct HttpReply
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=UTF-8");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpReply json(const QJsonObject &object, int status = 200);
    static HttpReply error(const GraphError &error);
};

} // namespace Serambi::Sim
