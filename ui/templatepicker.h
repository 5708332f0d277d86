#pragma once

#include "app/messagetemplates.h"

#include <QDialog>
#include <QHash>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace Serambi::App {
class MediaUploader;
class MessageTemplates;
} // namespace Serambi::App

namespace Serambi::Ui {

class InteractivePreview;

// Picks one of the business's approved templates and fills it in: a field for each placeholder
// of the header, body and URL buttons, the header's file when it has a media header (uploaded
// like an attachment), a preview with the values filled in. Send waits until every field is
// filled and the header's file is uploaded. Supervisors may ask the relay to sync again.
class TemplatePicker : public QDialog
{
    Q_OBJECT

public:
    // mayResync: the user may ask the relay to fetch the templates from Meta (supervisors).
    TemplatePicker(App::MessageTemplates *templates, App::MediaUploader *uploader, bool mayResync,
                   QWidget *parent = nullptr);

    // Why the template is needed (the window closed), shown above the list; empty hides it.
    void setReason(const QString &reason);
    // Selects name in language; false when no approved template matches.
    bool selectTemplate(const QString &name, const QString &language);
    // Uploads the file for a media header; false (with the reason shown) when it cannot.
    bool attachHeaderFile(const QString &path);

    QString templateName() const { return m_current.name; }
    QString language() const { return m_current.language; }
    // send_template's parameters: header and body values, the header's media key.
    QJsonObject parameters() const;
    bool isComplete() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reloadList();
    void showTemplate(const App::MessageTemplate &chosen);
    void refresh();
    void chooseHeaderFile();

    App::MessageTemplates *m_catalogue;
    App::MediaUploader *m_uploader;
    QLabel *m_reason;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QPushButton *m_sync;
    QLabel *m_status;
    QWidget *m_fields;
    QFormLayout *m_form;
    QLabel *m_noTemplate;
    QLabel *m_previewLabel;
    InteractivePreview *m_preview;
    QPushButton *m_send;
    QPushButton *m_cancel;

    App::TemplateList m_templates;
    App::MessageTemplate m_current;
    QHash<QString, QLineEdit *> m_headerEdits; // placeholder -> field
    QHash<QString, QLineEdit *> m_bodyEdits;
    QHash<int, QLineEdit *> m_buttonEdits; // URL button index -> the end of its address
    QPushButton *m_mediaButton = nullptr;
    QLabel *m_mediaLabel = nullptr;
    QProgressBar *m_mediaProgress = nullptr;
    QString m_mediaKey;
    bool m_uploading = false; // the uploader works for this dialog
    QString m_mediaError;
};

} // namespace Serambi::Ui
