#include "app/AppCore.h"
#include "app/store/KeyStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "tests/support/FakeProvider.h"
#include "tests/support/TestKeychain.h"
#include "ui/keys/KeyEditorDialog.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The add and edit dialog on a real app core: problems beside the fields they concern, the
// secret in the keychain and never shown again. One core for all: QtKeychain serves one thread
// per process.
class TestKeyEditorDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<AppCore> m_core;

    static void type(KeyEditorDialog& dialog, const QString& field, const QString& text)
    {
        QLineEdit* input = dialog.input(field);
        QVERIFY2(input, qPrintable(field));
        input->setText(text);
    }
    // Saves and waits for the app layer's answer: accepted, or a problem shown.
    static void save(KeyEditorDialog& dialog)
    {
        dialog.accept();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isEnabled(), 15000);
    }
    std::optional<ProviderKey> stored(const QString& label)
    {
        auto keys = m_store->keys().all();
        for (const ProviderKey& key : keys ? *keys : QList<ProviderKey>()) {
            if (key.label == label)
                return key;
        }
        return std::nullopt;
    }
    int keyCount()
    {
        auto keys = m_store->keys().all();
        return keys ? int(keys->size()) : -1;
    }

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("keys.db"));
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(path));
        QVERIFY(m_store->settings().setValue(QStringLiteral("port"), QStringLiteral("0")));
        m_core = std::make_unique<AppCore>(path);
        QSignalSpy started(m_core.get(), &AppCore::started);
        m_core->start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 15000);
    }
    void cleanupTestCase()
    {
        m_core.reset();
        m_store.reset();
    }

    void showsProblemsBesideTheFields()
    {
        KeyEditorDialog dialog(*m_core);
        dialog.show();
        save(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open
        QCOMPARE(dialog.problem(QStringLiteral("label")), QStringLiteral("The label is empty."));
        QCOMPARE(dialog.problem(QStringLiteral("api_key")), QStringLiteral("The secret is empty."));

        type(dialog, QStringLiteral("label"), QStringLiteral("Gateway"));
        dialog.selectProvider(QStringLiteral("openai-compatible"));
        save(dialog);
        QVERIFY(dialog.problem(QStringLiteral("label")).isEmpty());
        QVERIFY2(dialog.problem(QStringLiteral("base_url")).contains(u"base URL"),
            qPrintable(dialog.problem(QStringLiteral("base_url"))));
        type(dialog, QStringLiteral("base_url"), QStringLiteral("ftp://gateway.local"));
        save(dialog);
        QVERIFY(dialog.problem(QStringLiteral("base_url")).contains(u"https://"));
        // The window holds endpoints to the rule the app layer and the CLI keep.
        type(dialog, QStringLiteral("base_url"), QStringLiteral("https://me:pw@gateway.local/v1"));
        save(dialog);
        QVERIFY2(dialog.problem(QStringLiteral("base_url")).contains(u"password"),
            qPrintable(dialog.problem(QStringLiteral("base_url"))));

        dialog.selectProvider(QStringLiteral("bedrock"));
        type(dialog, QStringLiteral("base_url"), {});
        type(dialog, QStringLiteral("api_key"), QStringLiteral("two words"));
        save(dialog);
        QCOMPARE(dialog.problem(QStringLiteral("region")), QStringLiteral("Region is needed."));
        QTRY_VERIFY(
            dialog.input(QStringLiteral("region"))->isVisible()); // shown by the layout, queued
        QVERIFY2(dialog.problem(QStringLiteral("api_key")).contains(u"spaces"),
            qPrintable(dialog.problem(QStringLiteral("api_key"))));
        QCOMPARE(keyCount(), 0);
    }

    void addsAKeyWithItsSecretInTheKeychainOnly()
    {
        KeyEditorDialog dialog(*m_core);
        dialog.show();
        type(dialog, QStringLiteral("label"), QStringLiteral("Work"));
        type(dialog, QStringLiteral("api_key"), QStringLiteral("sk-test-0123456789abcdef"));
        save(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const std::optional<ProviderKey> key = stored(QStringLiteral("Work"));
        QVERIFY(key);
        QCOMPARE(key->secretHint, QStringLiteral("sk-…cdef"));
        QCOMPARE(TestKeychain::secret(key->secretRef), QStringLiteral("sk-test-0123456789abcdef"));
        const int count = keyCount();

        // The same label again: said beside the label.
        KeyEditorDialog again(*m_core);
        type(again, QStringLiteral("label"), QStringLiteral("work"));
        type(again, QStringLiteral("api_key"), QStringLiteral("sk-other-0123456789"));
        save(again);
        QVERIFY2(again.problem(QStringLiteral("label")).contains(u"already exists"),
            qPrintable(again.problem(QStringLiteral("label"))));
        QCOMPARE(keyCount(), count);
    }

    void editsWithoutShowingTheSecret()
    {
        {
            KeyEditorDialog dialog(*m_core);
            type(dialog, QStringLiteral("label"), QStringLiteral("Editable"));
            type(dialog, QStringLiteral("api_key"), QStringLiteral("sk-test-0123456789abcdef"));
            type(dialog, QStringLiteral("organization"), QStringLiteral("org-1"));
            save(dialog);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        const ProviderKey before = *stored(QStringLiteral("Editable"));
        KeyEditorDialog dialog(*m_core, before);
        QVERIFY(dialog.input(QStringLiteral("api_key"))->text().isEmpty());
        QVERIFY(dialog.input(QStringLiteral("api_key"))->placeholderText().contains(u"…cdef"));
        QCOMPARE(dialog.input(QStringLiteral("organization"))->text(), QStringLiteral("org-1"));
        type(dialog, QStringLiteral("label"), QStringLiteral("Edited"));
        save(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const std::optional<ProviderKey> edited = stored(QStringLiteral("Edited"));
        QVERIFY(edited);
        QCOMPARE(edited->id, before.id);
        QCOMPARE(edited->secretRef, before.secretRef); // the secret is untouched
    }

    void testsTheKeyAsTheFormHasIt()
    {
        FakeProvider fake;
        fake.script("sk-revoked-0123456789", {},
            { FakeProvider::Behaviour::Status, 401, {},
                R"({"error": {"message": "Incorrect API key provided.", "code": "invalid_api_key"}})" });
        KeyEditorDialog dialog(*m_core);
        dialog.show();
        type(dialog, QStringLiteral("base_url"), fake.baseUrl());
        // No secret typed: said beside the secret, nothing asked.
        dialog.testKey();
        QVERIFY(!dialog.problem(QStringLiteral("api_key")).isEmpty());
        QVERIFY(fake.attempts().isEmpty());

        // Without a label (a test needs none), before the key is saved.
        type(dialog, QStringLiteral("api_key"), QStringLiteral("sk-test-0123456789abcdef"));
        dialog.testKey();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult().startsWith(u"Works"), 15000);
        QVERIFY(dialog.problem(QStringLiteral("label")).isEmpty());
        QCOMPARE(fake.attempts().constLast().key, QByteArray("sk-test-0123456789abcdef"));
        QCOMPARE(fake.attempts().constLast().path, QByteArray("/v1/models"));

        type(dialog, QStringLiteral("api_key"), QStringLiteral("sk-revoked-0123456789"));
        dialog.findChild<QPushButton*>(QStringLiteral("test"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult().startsWith(u"Invalid"), 15000);
        QVERIFY(dialog.testResult().contains(u"Incorrect API key"));
        QVERIFY(dialog.isVisible()); // testing neither saves nor closes
        QVERIFY(!stored(QStringLiteral("")));
    }

    void importsAGoogleServiceAccount()
    {
        QFile account(m_dir.filePath(QStringLiteral("account.json")));
        QVERIFY(account.open(QIODevice::WriteOnly));
        account.write(
            R"({"type":"service_account","project_id":"acme-ml",)"
            R"("client_email":"router@acme-ml.iam.gserviceaccount.com",)"
            R"("private_key":"placeholder: the dialog stores it, nothing signs with it"})");
        account.close();
        KeyEditorDialog dialog(*m_core);
        dialog.selectProvider(QStringLiteral("vertex"));
        QVERIFY(dialog.importServiceAccount(account.fileName()));
        QCOMPARE(dialog.input(QStringLiteral("service_account_json"))->text(),
            QStringLiteral("router@acme-ml.iam.gserviceaccount.com"));
        QCOMPARE(dialog.input(QStringLiteral("project"))->text(), QStringLiteral("acme-ml"));
        type(dialog, QStringLiteral("label"), QStringLiteral("Vertex"));
        type(dialog, QStringLiteral("region"), QStringLiteral("global"));
        save(dialog);
        QVERIFY2(dialog.result() == QDialog::Accepted, qPrintable(dialog.problem({})));
        QCOMPARE(stored(QStringLiteral("Vertex"))->secretHint,
            QStringLiteral("router@acme-ml.iam.gserviceaccount.com"));
    }
};

QTEST_MAIN(TestKeyEditorDialog)
#include "TestKeyEditorDialog.moc"
