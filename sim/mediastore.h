#pragma once

#include "grapherror.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Serambi::Sim {

struct MediaItem
{
    QString id;
    QByteArray data;
    QString mimeType;
    QString filename;
    QString seedName; // non-empty for the media the simulated customers send
    bool voice = false;

    QString sha256Hex() const;
    QString sha256Base64() const; // the form inbound webhooks carry
};

// Uploaded and pre-seeded media, with the short-lived download tokens the metadata URL carries.
class MediaStore
{
public:
    MediaStore(); // seeds the demo media (a parcel photo, a voice note, a transfer receipt)

    // §9.3: supported MIME type, size within the type's limit, content matching the type.
    static std::optional<GraphError> checkUpload(const QString &mimeType, const QByteArray &data);

    QString add(const QByteArray &data, const QString &mimeType, const QString &filename);
    const MediaItem *find(const QString &id) const;
    const MediaItem *findSeed(const QString &seedName) const;
    // The seed customers send for a media type when a script names none ("image" -> parcel).
    const MediaItem *defaultSeed(const QString &messageType) const;
    bool remove(const QString &id);
    void removeUploads();
    int count() const { return int(m_items.size()); }

    // Media URLs expire five minutes after they are issued, as Meta's do.
    QString issueDownloadToken(const QString &id);
    bool isDownloadTokenValid(const QString &id, const QString &token) const;

private:
    void addSeed(const QString &id, const QString &seedName, const QString &resource,
                 const QString &mimeType, const QString &filename, bool voice);

    QHash<QString, MediaItem> m_items;
    QHash<QString, QPair<QString, QDateTime>> m_tokens; // token -> (media id, expiry)
};

} // namespace Serambi::Sim
