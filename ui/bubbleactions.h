#pragma once

#include "bubbles/bubblecontent.h"

#include <QHash>
#include <QObject>

#include <functional>

class QWidget;

namespace Serambi::Ui {

class AudioPlayback;

// Carries out what a click on a bubble (or Enter) asks for: a photo in the viewer, a video or
// document in the system's application, a copy saved, a voice note played in place, a place
// on a map (geo: URI, else OpenStreetMap), a fetch tried again. Media not on disk yet is
// fetched first and the action follows once it arrives.
class BubbleActions : public QObject
{
    Q_OBJECT

public:
    BubbleActions(App::MediaCache *cache, AudioPlayback *audio, QWidget *window);

    void trigger(const QModelIndex &index, Bubbles::Action action);
    // The OpenStreetMap page of a point, for when no application takes geo: URIs.
    static QUrl mapUrl(double latitude, double longitude);
    static QUrl geoUri(double latitude, double longitude, const QString &name);

Q_SIGNALS:
    void retryMediaRequested(qint64 messageId);
    void quotedMessageRequested(const QString &wamid);

private:
    void withFile(const QString &key, std::function<void(const QString &)> then);
    void openMap(const QJsonObject &location);
    void save(const QString &path, const QString &suggestedName);
    void openExternally(const QString &path);

    App::MediaCache *m_cache;
    AudioPlayback *m_audio;
    QWidget *m_window;
    QHash<QString, QList<std::function<void(const QString &)>>> m_waiting;
};

} // namespace Serambi::Ui
