#pragma once

#include "store/mediafiles.h"

#include <QObject>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Serambi::Relay {

class StoreWriter;

// GET /media/<key> and POST /media (docs/protocol.md "Media over HTTP"): media bytes for
// consoles, authorised by a console session token as a bearer token.
class MediaEndpoint : public QObject
{
    Q_OBJECT

public:
    // The most bytes POST /media reads (documents' limit).
    static constexpr qint64 MaxBodyBytes = 100 * 1024 * 1024;

    MediaEndpoint(StoreWriter *writer, MediaFiles files, QObject *parent = nullptr);

    void handleGet(const QString &key, const QHttpServerRequest &request,
                   QHttpServerResponder &&responder);
    void handlePost(const QHttpServerRequest &request, QHttpServerResponder &&responder);

private:
    StoreWriter *m_writer;
    MediaFiles m_files;
};

} // namespace Serambi::Relay
