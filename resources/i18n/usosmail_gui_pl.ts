<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>CampaignCountWords</name>
    <message numerus="yes">
        <location filename="../../usosmail_gui/ui/status_display.py" line="+133"/>
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln wysłana</numerusform>
            <numerusform>%Ln wysłane</numerusform>
            <numerusform>%Ln wysłanych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln nieudana</numerusform>
            <numerusform>%Ln nieudane</numerusform>
            <numerusform>%Ln nieudanych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln oczekująca</numerusform>
            <numerusform>%Ln oczekujące</numerusform>
            <numerusform>%Ln oczekujących</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln uncertain</source>
        <translation>
            <numerusform>%Ln niepewna</numerusform>
            <numerusform>%Ln niepewne</numerusform>
            <numerusform>%Ln niepewnych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln odrzucona</numerusform>
            <numerusform>%Ln odrzucone</numerusform>
            <numerusform>%Ln odrzuconych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln expired</source>
        <translation>
            <numerusform>%Ln wygasła</numerusform>
            <numerusform>%Ln wygasłe</numerusform>
            <numerusform>%Ln wygasłych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln not sent</source>
        <translation>
            <numerusform>%Ln niewysłana</numerusform>
            <numerusform>%Ln niewysłane</numerusform>
            <numerusform>%Ln niewysłanych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln finished, details awaited</source>
        <translation>
            <numerusform>%Ln zakończona, czeka na szczegóły</numerusform>
            <numerusform>%Ln zakończone, czekają na szczegóły</numerusform>
            <numerusform>%Ln zakończonych, czeka na szczegóły</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln finished without details</source>
        <translation>
            <numerusform>%Ln zakończona bez szczegółów</numerusform>
            <numerusform>%Ln zakończone bez szczegółów</numerusform>
            <numerusform>%Ln zakończonych bez szczegółów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln with an unknown status</source>
        <translation>
            <numerusform>%Ln z nieznanym statusem</numerusform>
            <numerusform>%Ln z nieznanym statusem</numerusform>
            <numerusform>%Ln z nieznanym statusem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln left out of the list</source>
        <translation>
            <numerusform>%Ln pominięty z listy</numerusform>
            <numerusform>%Ln pominięte z listy</numerusform>
            <numerusform>%Ln pominiętych z listy</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No recipients.</source>
        <translation>Brak odbiorców.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{finished} of {messages} finished</source>
        <translation>Zakończono: {finished} z {messages}</translation>
    </message>
</context>
<context>
    <name>CampaignStatuses</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/statuses.py" line="+97"/>
        <source>No campaign is shown: open one from Campaigns…</source>
        <translation>Nie jest wyświetlana żadna kampania: otwórz ją w oknie Wysyłanie ▸ Kampanie…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The students&apos; data of this campaign was deleted; its counts stay.</source>
        <translation>Dane studentów z tej kampanii zostały usunięte; liczby zostały.</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/closing.py" line="+93"/>
        <source>Sending is under way</source>
        <translation>Trwa wysyłanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages are being sent. Stop sending and close?</source>
        <translation>Wiadomości są właśnie wysyłane. Zatrzymać wysyłanie i zamknąć okno?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request under way finishes first (it is never cut in half), then the window closes. What was not sent stays in the journal, and the app offers to resume it at the next start.</source>
        <translation>Najpierw zostanie dokończone bieżące żądanie (nigdy nie jest przerywane w połowie), a potem okno się zamknie. To, co nie zostało wysłane, pozostaje w dzienniku wysyłek, a program zaproponuje wznowienie przy następnym uruchomieniu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Stop and close</source>
        <translation>Zatrzymaj i zamknij</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Keep sending</source>
        <translation>Kontynuuj wysyłanie</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping after the request under way; the window closes then. Nothing is lost.</source>
        <translation>Wysyłanie zatrzyma się po zakończeniu bieżącego żądania; wtedy okno się zamknie. Nic nie zostanie utracone.</translation>
    </message>
</context>
<context>
    <name>ColumnValuesMenu</name>
    <message>
        <location filename="../../usosmail_gui/ui/column_menu.py" line="+40"/>
        <source>As the sheet shows it</source>
        <translation>Tak, jak pokazuje arkusz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As stored</source>
        <translation>Tak, jak zapisano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numbers and dates as the sheet&apos;s number formats show them, e.g. 012345 or 17.06.2024.</source>
        <translation>Liczby i daty tak, jak pokazują je formaty liczbowe arkusza, np. 012345 lub 17.06.2024.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The values the sheet stores, without their formats, e.g. 12345 or 2024-06-17.</source>
        <translation>Wartości zapisane w arkuszu, bez ich formatów, np. 12345 lub 2024-06-17.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>Values of “{column}”</source>
        <translation>Wartości w kolumnie „{column}”</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/connection_dialog.py" line="+102"/>
        <source>Connect to USOS API</source>
        <translation>Połącz z USOS API</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type part of a university&apos;s name or address</source>
        <translation>Wpisz fragment nazwy lub adresu uczelni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter installations</source>
        <translation>Filtruj instalacje</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>USOS API installations</source>
        <translation>Instalacje USOS API</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Refresh list from USOS</source>
        <translation>Odśwież listę z USOS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the USOS mother server for the current list of installations.</source>
        <translation>Pobierz aktualną listę instalacji z głównego serwera USOS.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Installation list status</source>
        <translation>Stan listy instalacji</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installation</source>
        <translation>Instalacja</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>USOS API address</source>
        <translation>Adres USOS API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen from the list above, or typed here.</source>
        <translation>Wybierz z listy powyżej lub wpisz tutaj.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consumer key</source>
        <translation>Klucz (consumer key)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consumer secret</source>
        <translation>Sekret (consumer secret)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Pokaż</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the consumer secret</source>
        <translation>Pokaż sekret (consumer secret)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the secret as you type it (it is never saved in a file).</source>
        <translation>Pokazuj sekret podczas wpisywania (nigdy nie jest zapisywany w pliku).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consumer &amp;key:</source>
        <translation>&amp;Klucz (consumer key):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consumer &amp;secret:</source>
        <translation>&amp;Sekret (consumer secret):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Test connection</source>
        <translation>Sprawdź &amp;połączenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Sprawdź połączenie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Testing the connection</source>
        <translation>Sprawdzanie połączenia</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connection test result</source>
        <translation>Wynik sprawdzenia połączenia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection test details</source>
        <translation>Szczegóły sprawdzenia połączenia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>USOS&apos;s own message</source>
        <translation>Komunikat USOS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connection warning</source>
        <translation>Ostrzeżenie o połączeniu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Self-check against the installation</source>
        <translation>Samokontrola zgodności z instalacją</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving notice</source>
        <translation>Informacja o zapisaniu</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <location line="+190"/>
        <location line="+1"/>
        <source>Save and connect</source>
        <translation>Zapisz i połącz</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Asking USOS for the current list…</source>
        <translation>Pobieranie aktualnej listy z USOS…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The current list could not be fetched from USOS, so the list below is unchanged. You can still pick from it or type the address.</source>
        <translation>Nie udało się pobrać aktualnej listy z USOS, więc poniższa lista się nie zmieniła. Nadal możesz wybrać z niej instalację lub wpisać adres.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Current list from USOS: %n installation(s).</source>
        <translation>
            <numerusform>Aktualna lista z USOS: %n instalacja.</numerusform>
            <numerusform>Aktualna lista z USOS: %n instalacje.</numerusform>
            <numerusform>Aktualna lista z USOS: %n instalacji.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>List bundled with the app: %n installation(s).</source>
        <translation>
            <numerusform>Lista dołączona do programu: %n instalacja.</numerusform>
            <numerusform>Lista dołączona do programu: %n instalacje.</numerusform>
            <numerusform>Lista dołączona do programu: %n instalacji.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The list of installations could not be read. Type the address instead.</source>
        <translation>Nie udało się odczytać listy instalacji. Wpisz adres ręcznie.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Choose an installation from the list or type its address.</source>
        <translation>Wybierz instalację z listy lub wpisz jej adres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter both the consumer key and the consumer secret.</source>
        <translation>Podaj zarówno klucz (consumer key), jak i sekret (consumer secret).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Testing the connection…</source>
        <translation>Sprawdzanie połączenia…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The connection test could not be run.</source>
        <translation>Nie udało się uruchomić sprawdzania połączenia.</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+1"/>
        <source>Use for this session</source>
        <translation>Użyj w tej sesji</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key and secret could not be saved.</source>
        <translation>Nie udało się zapisać klucza i sekretu.</translation>
    </message>
</context>
<context>
    <name>ConnectionTexts</name>
    <message>
        <location filename="../../usosmail_gui/ui/texts.py" line="+47"/>
        <source>Connected. The key is an administrative key, so it may send mail. The server did not say how many messages wait in its queue.</source>
        <translation>Połączono. Klucz jest kluczem administracyjnym, więc można nim wysyłać pocztę. Serwer nie podał, ile wiadomości czeka w jego kolejce.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Connected. The key is an administrative key, so it may send mail. The USOS API mail queue holds %n unsent message(s).</source>
        <translation>
            <numerusform>Połączono. Klucz jest kluczem administracyjnym, więc można nim wysyłać pocztę. W kolejce poczty USOS API czeka %n niewysłana wiadomość.</numerusform>
            <numerusform>Połączono. Klucz jest kluczem administracyjnym, więc można nim wysyłać pocztę. W kolejce poczty USOS API czekają %n niewysłane wiadomości.</numerusform>
            <numerusform>Połączono. Klucz jest kluczem administracyjnym, więc można nim wysyłać pocztę. W kolejce poczty USOS API czeka %n niewysłanych wiadomości.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rejected: the USOS API did not accept this consumer key or secret. Check that both were copied exactly (no spaces), that they belong to this installation, and that this computer&apos;s clock is right.</source>
        <translation>Odrzucono: USOS API nie przyjęło tego klucza (consumer key) lub sekretu (consumer secret). Sprawdź, czy oba zostały skopiowane dokładnie (bez spacji), czy należą do tej instalacji USOS i czy zegar tego komputera jest ustawiony prawidłowo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key and secret are right, but the key is not administrative. Sending mail needs an Administrative Consumer Key: ask your university&apos;s USOS API administrators for one ({contacts}).</source>
        <translation>Klucz i sekret są poprawne, ale klucz nie jest administracyjny. Do wysyłania poczty potrzebny jest administracyjny klucz konsumenta (Administrative Consumer Key): poproś o niego administratorów USOS API swojej uczelni ({contacts}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key and secret are right, but the key is not administrative. Sending mail needs an Administrative Consumer Key: ask your university&apos;s USOS API administrators for one.</source>
        <translation>Klucz i sekret są prawidłowe, ale klucz nie jest kluczem administracyjnym. Do wysyłania poczty potrzebny jest klucz administracyjny (Administrative Consumer Key): poproś o niego administratorów USOS API na swojej uczelni.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{url} answered in a way this app does not understand, so it cannot say whether the key may send mail. Nothing was sent. Ask your university&apos;s USOS API administrators, or give them the report of `usosmail diagnostics`.</source>
        <translation>{url} odpowiedział w sposób, którego program nie rozumie, więc nie może stwierdzić, czy tym kluczem można wysyłać pocztę. Nic nie zostało wysłane. Zapytaj administratorów USOS API swojej uczelni albo przekaż im raport polecenia `usosmail diagnostics`.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not reach {url}. Check the address and your network connection, then try again.</source>
        <translation>Nie udało się połączyć z {url}. Sprawdź adres i połączenie sieciowe, a potem spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused: this address uses plain http (the key and the messages would travel unencrypted), or it has a user name, a backslash or a space that could make it lead to another server. Nothing was sent. Use the installation&apos;s plain https:// address (plain http is allowed only for a test server on this computer).</source>
        <translation>Odrzucono: ten adres używa zwykłego http (klucz i wiadomości szłyby bez szyfrowania) albo zawiera nazwę użytkownika, ukośnik wsteczny lub spację, przez które mógłby prowadzić do innego serwera. Nic nie zostało wysłane. Użyj zwykłego adresu https:// instalacji (zwykłe http jest dozwolone tylko dla serwera testowego na tym komputerze).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server answered with an error. It may be busy or under maintenance: try again in a few minutes.</source>
        <translation>Serwer odpowiedział błędem. Może być przeciążony lub w trakcie prac serwisowych: spróbuj ponownie za kilka minut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{url} answered, but not like a USOS API. Check the address: it must be the installation&apos;s API address, e.g. https://usosapps.example.edu.pl/.</source>
        <translation>Serwer {url} odpowiedział, ale nie jak USOS API. Sprawdź adres: musi to być adres API instalacji USOS, np. https://usosapps.example.edu.pl/.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connected</source>
        <translation>Połączono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key or secret rejected</source>
        <translation>Odrzucono klucz lub sekret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key is not administrative</source>
        <translation>Klucz nie jest administracyjny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline: server not reachable</source>
        <translation>Brak połączenia: serwer jest nieosiągalny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: not an https address</source>
        <translation>Odrzucono: adres nie zaczyna się od https</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server trouble</source>
        <translation>Problem z serwerem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a USOS API</source>
        <translation>To nie jest USOS API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer not understood</source>
        <translation>Niezrozumiała odpowiedź</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown state</source>
        <translation>Nieznany stan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>USOS says: {text}</source>
        <translation>USOS: {text}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>USOS reports that its mail daemon is not running: messages are accepted into the queue, but none is sent until the university&apos;s USOS API administrators start it again.</source>
        <translation>USOS zgłasza, że jego usługa wysyłania poczty nie działa: wiadomości są przyjmowane do kolejki, ale żadna nie zostanie wysłana, dopóki administratorzy USOS API uczelni jej nie uruchomią.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The self-check could not be done: the installation&apos;s method reference could not be read. This is not an error.</source>
        <translation>Nie udało się przeprowadzić samokontroli: nie można było odczytać opisu metod instalacji. To nie jest błąd.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Self-check: this installation documents the answers the app reads, as the app expects.</source>
        <translation>Samokontrola: ta instalacja opisuje odpowiedzi, które program odczytuje, tak jak program tego oczekuje.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Self-check: this installation documents some answers differently from what the app expects (sending still works; statuses may need more requests or say less):</source>
        <translation>Samokontrola: ta instalacja opisuje niektóre odpowiedzi inaczej, niż oczekuje program (wysyłanie nadal działa; statusy mogą wymagać więcej zapytań albo mówić mniej):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The answer was: {answer}</source>
        <translation>Odpowiedź brzmiała: {answer}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Details: {detail}</source>
        <translation>Szczegóły: {detail}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secure password store (keyring) is available, so the key and secret are kept only for this session: you will have to enter them again after closing the app. To have them remembered, install and unlock a keyring (e.g. GNOME Keyring or KWallet) and save again.</source>
        <translation>Systemowy magazyn haseł (keyring) jest niedostępny, więc klucz i sekret zostaną zapamiętane tylko na czas tej sesji: po zamknięciu programu trzeba będzie wpisać je ponownie. Aby program je zapamiętał, zainstaluj i odblokuj systemowy magazyn haseł (np. GNOME Keyring lub KWallet) i ponownie je zapisz.</translation>
    </message>
</context>
<context>
    <name>DerivedCells</name>
    <message>
        <location filename="../../usosmail_gui/ui/derived_cells.py" line="+104"/>
        <source>Typed here for this row; clear the cell&apos;s edit to compute it again.</source>
        <translation>Wpisane tutaj dla tego wiersza; cofnij zmianę komórki, aby wyliczyć ją ponownie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Computed by the app (a derived column); type here to set this row&apos;s value.</source>
        <translation>Wyliczone przez program (kolumna wyliczana); wpisz tu tekst, aby ustalić wartość dla tego wiersza.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>derived column</source>
        <translation>kolumna wyliczana</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(in row {row}&apos;s message)</source>
        <translation>(w wiadomości wiersza {row})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unticked: this row is in no message.</source>
        <translation>Odznaczony: ten wiersz nie należy do żadnej wiadomości.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>#{message}</source>
        <translation>nr {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#{message} ({position} of {count})</source>
        <translation>nr {message} ({position} z {count})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message {message} of {total}, to {address}: rows {rows}.</source>
        <translation>Wiadomość {message} z {total}, do {address}: wiersze {rows}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Message</source>
        <translation>Wiadomość</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One message per e-mail address: which message each row goes out in (rows of one message share its number).</source>
        <translation>Jedna wiadomość na adres e-mail: w której wiadomości wychodzi każdy wiersz (wiersze jednej wiadomości mają jej numer).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Derived column: computed by the app for each row, not in the file.</source>
        <translation>Kolumna wyliczana: program wylicza ją dla każdego wiersza, nie ma jej w pliku.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write {placeholder} in the template to insert it.</source>
        <translation>Wpisz {placeholder} w szablonie, aby ją wstawić.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The list of the message&apos;s rows, on its first row.</source>
        <translation>Lista wierszy wiadomości, w jej pierwszym wierszu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type in a cell to set that row&apos;s value yourself.</source>
        <translation>Wpisz tekst w komórce, aby samodzielnie ustalić wartość dla tego wiersza.</translation>
    </message>
</context>
<context>
    <name>DerivedColumns</name>
    <message>
        <location filename="../../usosmail_gui/ui/derived_columns.py" line="+67"/>
        <source>&amp;Derived Columns (Salutations, Lists)</source>
        <translation>&amp;Kolumny wyliczane (zwroty, listy)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the columns the app computes for each letter: salutations, vocatives, lists of rows.</source>
        <translation>Pokaż kolumny, które program wylicza dla każdego listu: zwroty grzecznościowe, wołacze, listy wierszy.</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The derived columns could not be computed ({error}).</source>
        <translation>Nie udało się wyliczyć kolumn wyliczanych ({error}).</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/edit_actions.py" line="+42"/>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Wy&amp;tnij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiuj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>Wk&amp;lej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the list of recipients.</source>
        <translation>Przeszukaj listę odbiorców.</translation>
    </message>
</context>
<context>
    <name>ExclusionTexts</name>
    <message numerus="yes">
        <location filename="../../usosmail_gui/ui/send_dialog.py" line="+95"/>
        <source>{title} — %Ln row(s)</source>
        <translation>
            <numerusform>{title} — %Ln wiersz</numerusform>
            <numerusform>{title} — %Ln wiersze</numerusform>
            <numerusform>{title} — %Ln wierszy</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../usosmail_gui/ui/history_window.py" line="+183"/>
        <location line="+3"/>
        <source>Campaigns</source>
        <translation>Kampanie</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Campaign history</source>
        <translation>Historia kampanii</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+155"/>
        <source>Reading the journal…</source>
        <translation>Odczytywanie dziennika wysyłek…</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>History state</source>
        <translation>Stan historii</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/campaign_cells.py" line="+56"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installation</source>
        <translation>Instalacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients</source>
        <translation>Odbiorcy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statuses</source>
        <translation>Statusy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>Śledzenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students&apos; data</source>
        <translation>Dane studentów</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When the campaign was sent.</source>
        <translation>Kiedy kampania została wysłana.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The subject as written in the template: each ‹placeholder› was filled in from the student&apos;s row (the tip shows what the first student got).</source>
        <translation>Temat tak, jak zapisano go w szablonie: każde ‹pole› zostało wypełnione danymi z wiersza studenta (podpowiedź pokazuje, co dostał pierwszy student).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The USOS installation the campaign was sent through, or the local sandbox.</source>
        <translation>Instalacja USOS, przez którą wysłano kampanię, albo lokalna piaskownica.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finished, interrupted (Send ▸ Interrupted campaigns… resumes it) or closed (nothing more of it is sent).</source>
        <translation>Zakończona, przerwana (wznawia ją Wysyłka ▸ Przerwane kampanie…) albo zamknięta (nic więcej z niej nie zostanie wysłane).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many recipients the campaign has (rows left out of the list not counted).</source>
        <translation>Ilu odbiorców ma kampania (bez wierszy pominiętych z listy).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many messages are sent, failed or waiting, as last asked from USOS, and how many rows were left out of the list.</source>
        <translation>Ile wiadomości wysłano, ile się nie udało, a ile czeka — według ostatniej odpowiedzi USOS — oraz ile wierszy pominięto z listy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whether USOS still knows the statuses: it keeps them for 7 days.</source>
        <translation>Czy USOS nadal zna statusy wiadomości: przechowuje je przez 7 dni.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until when the journal keeps the students&apos; names, addresses and cells of the campaign, or when they were deleted (its counts and dates stay).</source>
        <translation>Do kiedy dziennik przechowuje imiona, adresy i komórki studentów z tej kampanii albo kiedy je usunięto (liczby i daty zostają).</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/history_window.py" line="+7"/>
        <source>&amp;Open</source>
        <translation>&amp;Otwórz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the campaign&apos;s statuses</source>
        <translation>Otwórz statusy kampanii</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export report…</source>
        <translation>&amp;Eksportuj raport…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the campaign&apos;s report</source>
        <translation>Eksportuj raport kampanii</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a student &amp;received…</source>
        <translation>Co &amp;otrzymał student…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what a student of the campaign received</source>
        <translation>Pokaż, co otrzymał student z tej kampanii</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The exact subject and content a chosen student was sent, with its status history; print it or save it as a PDF.</source>
        <translation>Dokładny temat i treść wysłane wybranemu studentowi, z historią statusów; można je wydrukować lub zapisać jako PDF.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reload</source>
        <translation>&amp;Wczytaj ponownie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the campaigns again</source>
        <translation>Wczytaj kampanie ponownie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;again to failed…</source>
        <translation>Wyślij &amp;ponownie nieudane…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again to the campaign&apos;s failed recipients</source>
        <translation>Wyślij ponownie do odbiorców kampanii, do których wysyłka się nie powiodła</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete campaign…</source>
        <translation>&amp;Usuń kampanię…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the campaign&apos;s personal data</source>
        <translation>Usuń dane osobowe kampanii</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the students&apos; names, addresses, cells and statuses of this campaign from the journal now; its dates and counts stay.</source>
        <translation>Usuń teraz z dziennika imiona, adresy, komórki i statusy studentów tej kampanii; jej daty i liczby zostaną.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;lose campaign…</source>
        <translation>Za&amp;mknij kampanię…</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/campaign_questions.py" line="+42"/>
        <location filename="../../usosmail_gui/ui/history_window.py" line="+1"/>
        <source>Close the campaign</source>
        <translation>Zamknij kampanię</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/history_window.py" line="+3"/>
        <source>End this unfinished campaign: nothing more of it will be sent, and it is not offered at start any more. Uncertain recipients stay listed as uncertain.</source>
        <translation>Zakończ tę niedokończoną kampanię: nic więcej z niej nie zostanie wysłane i program przestanie proponować ją przy uruchomieniu. Odbiorcy o niepewnym statusie pozostaną na liście jako niepewni.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include &amp;uncertain recipients</source>
        <translation>Uwzględnij &amp;niepewne wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also send again to uncertain recipients</source>
        <translation>Wyślij ponownie także do odbiorców, u których wynik wysyłki jest niepewny</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipients whose send request&apos;s outcome is unknown: they may get the message twice.</source>
        <translation>Wiadomości, których wynik wysyłki jest nieznany: ich odbiorcy mogą dostać wiadomość dwa razy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep the students&apos; data for</source>
        <translation>Przec&amp;howuj dane studentów przez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days the students&apos; data is kept</source>
        <translation>Liczba dni przechowywania danych studentów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> dni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after a campaign&apos;s last status, then delete it.</source>
        <translation>od ostatniego statusu kampanii, potem je usuń.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save how long the students&apos; data is kept</source>
        <translation>Zapisz, jak długo przechowywać dane studentów</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/campaign_cells.py" line="+49"/>
        <source>trackable</source>
        <translation>aktywne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expired</source>
        <translation>wygasłe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(test)</source>
        <translation>(test)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted {date}</source>
        <translation>usunięte {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kept until {date}</source>
        <translation>przechowywane do {date}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../usosmail_gui/ui/history_window.py" line="+71"/>
        <source>%n practice campaign(s) of the local sandbox. Real campaigns are listed when the window is connected to your university.</source>
        <translation>
            <numerusform>%n kampania ćwiczebna lokalnej piaskownicy. Prawdziwe kampanie są widoczne, gdy okno jest połączone z Twoją uczelnią.</numerusform>
            <numerusform>%n kampanie ćwiczebne lokalnej piaskownicy. Prawdziwe kampanie są widoczne, gdy okno jest połączone z Twoją uczelnią.</numerusform>
            <numerusform>%n kampanii ćwiczebnych lokalnej piaskownicy. Prawdziwe kampanie są widoczne, gdy okno jest połączone z Twoją uczelnią.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n campaign(s) in the journal.</source>
        <translation>
            <numerusform>W dzienniku wysyłek jest %n kampania.</numerusform>
            <numerusform>W dzienniku wysyłek są %n kampanie.</numerusform>
            <numerusform>W dzienniku wysyłek jest %n kampanii.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/campaign_cells.py" line="-38"/>
        <source>{subject}
The first student got: “{first}”</source>
        <translation>{subject}
Pierwszy student dostał: „{first}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sandbox (practice)</source>
        <translation>Piaskownica (ćwiczenia)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>closed {date}</source>
        <translation>zamknięta {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted</source>
        <translation>przerwana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending finished</source>
        <translation>wysyłka zakończona</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/history_window.py" line="+34"/>
        <source>The journal cannot be read: {error}</source>
        <translation>Nie można odczytać dziennika wysyłek: {error}</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/campaign_questions.py" line="-17"/>
        <source>Delete the campaign&apos;s data</source>
        <translation>Usuwanie danych kampanii</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the students&apos; data of campaign {id} now?</source>
        <translation>Usunąć teraz dane studentów z kampanii {id}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their names, addresses, cells, messages and statuses are deleted from the journal at once and cannot be brought back. The campaign&apos;s dates and counts stay; export its report first if the dean needs it.</source>
        <translation>Ich imiona, adresy, komórki, wiadomości i statusy zostaną od razu usunięte z dziennika i nie da się ich przywrócić. Daty i liczby kampanii zostaną; jeśli dziekan potrzebuje raportu, najpierw go wyeksportuj.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delete</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close campaign {id}? Nothing more of it will be sent.</source>
        <translation>Zamknąć kampanię {id}? Nic więcej z niej nie zostanie wysłane.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipients never sent will not get this message; uncertain ones stay listed as uncertain (they may or may not have it). The campaign is not offered at start any more; it stays in this list, as closed, with its statuses and report. To write to its students again, send a new campaign.</source>
        <translation>Odbiorcy, do których jeszcze nic nie wysłano, nie dostaną tej wiadomości; odbiorcy o niepewnym statusie pozostaną na liście jako niepewni (mogli ją dostać albo nie). Program przestanie proponować tę kampanię przy uruchomieniu; zostanie ona na tej liście jako zamknięta, ze statusami i raportem. Aby znów napisać do jej studentów, wyślij nową kampanię.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Close campaign</source>
        <translation>&amp;Zamknij kampanię</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/history_window.py" line="+50"/>
        <source>Closing the campaign…</source>
        <translation>Zamykanie kampanii…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Campaign {id} is closed: nothing more of it will be sent.</source>
        <translation>Kampania {id} jest zamknięta: nic więcej z niej nie zostanie wysłane.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This campaign is being sent right now: it can be closed once that has stopped. Nothing was changed.</source>
        <translation>Ta kampania jest właśnie wysyłana: można ją zamknąć, gdy wysyłanie się zatrzyma. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The campaign was not closed: {error}</source>
        <translation>Kampania nie została zamknięta: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleting the students&apos; data…</source>
        <translation>Usuwanie danych studentów…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The students&apos; data of campaign {id} was deleted; its dates and counts stay.</source>
        <translation>Dane studentów z kampanii {id} zostały usunięte; jej daty i liczby zostały.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This campaign is being sent right now: its data can be deleted once it has finished.</source>
        <translation>Ta kampania jest właśnie wysyłana: jej dane będzie można usunąć, gdy wysyłka się skończy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was deleted: {error}</source>
        <translation>Nic nie usunięto: {error}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export report</source>
        <translation>Eksportuj raport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Skoroszyt programu Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV file (*.csv)</source>
        <translation>Plik CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing the report…</source>
        <translation>Zapisywanie raportu…</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Report written: %n row(s) to {path}.</source>
        <translation>
            <numerusform>Zapisano raport w pliku {path}: %n wiersz.</numerusform>
            <numerusform>Zapisano raport w pliku {path}: %n wiersze.</numerusform>
            <numerusform>Zapisano raport w pliku {path}: %n wierszy.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The report could not be written: {error}</source>
        <translation>Nie udało się zapisać raportu: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report was not written</source>
        <translation>Raport nie został zapisany</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message numerus="yes">
        <location filename="../../usosmail_gui/ui/length_counter.py" line="+34"/>
        <source>{count} of %Ln character(s)</source>
        <translation>
            <numerusform>{count} z %Ln znaku</numerusform>
            <numerusform>{count} z %Ln znaków</numerusform>
            <numerusform>{count} z %Ln znaków</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The message cannot be put together for this recipient: see the problems.</source>
        <translation>Nie można utworzyć wiadomości dla tego odbiorcy: zobacz problemy.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Length of the selected recipient&apos;s message; USOS accepts at most %Ln character(s).</source>
        <translation>
            <numerusform>Długość wiadomości zaznaczonego odbiorcy; USOS przyjmuje najwyżej %Ln znak.</numerusform>
            <numerusform>Długość wiadomości zaznaczonego odbiorcy; USOS przyjmuje najwyżej %Ln znaki.</numerusform>
            <numerusform>Długość wiadomości zaznaczonego odbiorcy; USOS przyjmuje najwyżej %Ln znaków.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No recipient is selected: the length of the template as written.</source>
        <translation>Nie zaznaczono odbiorcy: długość samego szablonu (przed podstawieniem wartości pól).</translation>
    </message>
</context>
<context>
    <name>LettersEditor</name>
    <message>
        <location filename="../../usosmail_gui/ui/derived_column_words.py" line="+22"/>
        <source>salutation by the gender in {column}</source>
        <translation>zwrot według płci z kolumny {column}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>salutation guessed from the first name in {column}</source>
        <translation>zwrot odgadywany z imienia w kolumnie {column}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, with the first name in the vocative</source>
        <translation>, z imieniem w wołaczu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vocative of the first name in {column}</source>
        <translation>wołacz imienia z kolumny {column}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{column}, or “{fallback}” where it is empty</source>
        <translation>{column}, a gdzie pusto – „{fallback}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{column} in {case}</source>
        <translation>{column}: {case}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>UPPER CASE</source>
        <translation>WIELKIE LITERY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower case</source>
        <translation>małe litery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title Case (Every Word)</source>
        <translation>Każde Słowo Wielką Literą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capitalised (first letter only)</source>
        <translation>Pierwsza litera wielka (tylko pierwsza)</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/column_box.py" line="+38"/>
        <source>{name} (not in the list)</source>
        <translation>{name} (nie ma na liście)</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/letters_editor.py" line="+72"/>
        <location line="+52"/>
        <location line="+1"/>
        <location line="+18"/>
        <source>Derived columns</source>
        <translation>Kolumny wyliczane</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Columns the app computes for each row (a salutation, a vocative, a value or a fallback, a changed case): write them in the template like the list&apos;s own.</source>
        <translation>Kolumny, które program wylicza dla każdego wiersza (zwrot grzecznościowy, wołacz, wartość lub zastępstwo, zmiana wielkości liter): wpisuj je w szablonie tak jak kolumny z listy.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Add</source>
        <translation>&amp;Dodaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a derived column</source>
        <translation>Dodaj kolumnę wyliczaną</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a salutation, a first name in the vocative, a value or fallback, or a text case.</source>
        <translation>Dodaj zwrot grzecznościowy, imię w wołaczu, wartość albo zastępstwo lub zmianę wielkości liter.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Salutation (Szanowna Pani / Szanowny Panie)</source>
        <translation>Zwrot grzecznościowy (Szanowna Pani / Szanowny Panie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name in the vocative (Anno, Janie)</source>
        <translation>Imię w wołaczu (Anno, Janie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value or fallback for empty cells</source>
        <translation>Wartość albo zastępstwo dla pustych komórek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text case (UPPER, Title)</source>
        <translation>Wielkość liter (WIELKIE, Tytułowe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove the derived column</source>
        <translation>Usuń kolumnę wyliczaną</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Add a derived column to write, for example, {Zwrot} in the template: “Szanowna Pani Anno” or “Szanowny Panie Janie” for each student.</source>
        <translation>Dodaj kolumnę wyliczaną, aby wpisać w szablonie na przykład {Zwrot}: „Szanowna Pani Anno” albo „Szanowny Panie Janie” – dla każdego studenta właściwy.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Name of the derived column</source>
        <translation>Nazwa kolumny wyliczanej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this name in braces in the template, e.g. {Zwrot}.</source>
        <translation>Wpisz tę nazwę w nawiasach klamrowych w szablonie, np. {Zwrot}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender column</source>
        <translation>Kolumna z płcią</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: guess from the first name</source>
        <translation>brak: odgadnij z imienia</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>A column saying K/M, kobieta/mężczyzna or F/M, as USOS exports it. Without one, the gender is guessed from the first name, and every guess is a warning.</source>
        <translation>Kolumna z wartościami K/M, kobieta/mężczyzna albo F/M, tak jak eksportuje je USOS. Bez niej płeć jest odgadywana z imienia, a każde odgadnięcie jest ostrzeżeniem.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+2"/>
        <source>First name column</source>
        <translation>Kolumna z imieniem</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the first name in the vocative (Szanowna Pani Anno)</source>
        <translation>Dodaj imię w wołaczu (Szanowna Pani Anno)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>“Szanowna Pani Anno” rather than “Szanowna Pani”: the first name from the dictionary, in the vocative.</source>
        <translation>„Szanowna Pani Anno” zamiast „Szanowna Pani”: imię ze słownika, w wołaczu.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Salutation of a woman</source>
        <translation>Zwrot do kobiety</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salutation of a man</source>
        <translation>Zwrot do mężczyzny</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Salutation when the gender is unknown</source>
        <translation>Zwrot, gdy płeć jest nieznana</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Used for a row whose gender cannot be told; each such row is a warning in Problems.</source>
        <translation>Używany w wierszu, w którym nie da się ustalić płci; każdy taki wiersz jest ostrzeżeniem w Problemach.</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+6"/>
        <location line="+2"/>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&amp;Gender from:</source>
        <translation>&amp;Płeć z kolumny:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>&amp;First name from:</source>
        <translation>&amp;Imię z kolumny:</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Woman:</source>
        <translation>&amp;Kobieta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Man:</source>
        <translation>&amp;Mężczyzna:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unknown gender:</source>
        <translation>Płeć &amp;nieznana:</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Anna → Anno, Jan → Janie, Kuba → Kubo. A name the dictionary does not know is left as written, and flagged.</source>
        <translation>Anna → Anno, Jan → Janie, Kuba → Kubo. Imię, którego słownik nie zna, zostaje w zapisanej postaci i jest oznaczane ostrzeżeniem.</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+1"/>
        <source>Column</source>
        <translation>Kolumna</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text for empty cells</source>
        <translation>Tekst dla pustych komórek</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+3"/>
        <source>&amp;Value of:</source>
        <translation>&amp;Wartość z kolumny:</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;When empty:</source>
        <translation>&amp;Gdy pusto:</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Text case</source>
        <translation>Wielkość liter</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>&amp;Case:</source>
        <translation>&amp;Litery:</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>One message per e-mail address</source>
        <translation>Jedna wiadomość na adres e-mail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows with the same address become one message: the other columns come from the group&apos;s first row, and the list column lists every row.</source>
        <translation>Wiersze z tym samym adresem stają się jedną wiadomością: pozostałe kolumny pochodzą z pierwszego wiersza grupy, a kolumna listy wymienia wszystkie wiersze.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Name of the list column</source>
        <translation>Nazwa kolumny listy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line for each row</source>
        <translation>Linia dla każdego wiersza</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Written once for every row of the group, e.g. - {Przedmiot}: {Ocena}</source>
        <translation>Wpisywana raz dla każdego wiersza grupy, np. - {Przedmiot}: {Ocena}</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Between the lines</source>
        <translation>Między liniami</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>a new line</source>
        <translation>nowy wiersz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a comma</source>
        <translation>przecinek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a semicolon</source>
        <translation>średnik</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>List &amp;column:</source>
        <translation>&amp;Kolumna listy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Line of each row:</source>
        <translation>&amp;Linia każdego wiersza:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Between lines:</source>
        <translation>&amp;Między liniami:</translation>
    </message>
</context>
<context>
    <name>ListLoading</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/list_loading.py" line="+87"/>
        <source>Open a list of recipients</source>
        <translation>Otwórz listę odbiorców</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Opening {name}…</source>
        <translation>Otwieranie pliku {name}…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Opened {name}.</source>
        <translation>Otwarto plik {name}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name} could not be read because of an unexpected error. Try to open the file in your spreadsheet program and save it again, then open the saved copy.</source>
        <translation>Nie udało się odczytać pliku {name} z powodu nieoczekiwanego błędu. Spróbuj otworzyć ten plik w programie do arkuszy kalkulacyjnych i zapisać go ponownie, a potem otwórz zapisaną kopię.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open {name}</source>
        <translation>Nie można otworzyć pliku {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list opened before stays as it was.</source>
        <translation>Wcześniej otwarta lista pozostaje bez zmian.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opening {name} was cancelled; the list opened before stays.</source>
        <translation>Anulowano otwieranie pliku {name}; wcześniej otwarta lista pozostaje bez zmian.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening {name} was cancelled.</source>
        <translation>Anulowano otwieranie pliku {name}.</translation>
    </message>
</context>
<context>
    <name>LoadRequest</name>
    <message>
        <location filename="../../usosmail_gui/ui/loading.py" line="+15"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Arkusze kalkulacyjne ({patterns})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All files (*)</source>
        <translation>Wszystkie pliki (*)</translation>
    </message>
</context>
<context>
    <name>LoadingStrip</name>
    <message>
        <location filename="../../usosmail_gui/ui/loading_strip.py" line="+41"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading</source>
        <translation>Wczytywanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading step</source>
        <translation>Etap wczytywania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading progress</source>
        <translation>Postęp wczytywania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel loading</source>
        <translation>Anuluj wczytywanie</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opening the file…</source>
        <translation>Otwieranie pliku…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the sheet…</source>
        <translation>Odczytywanie arkusza…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the cells…</source>
        <translation>Odczytywanie komórek…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the e-mail addresses…</source>
        <translation>Sprawdzanie adresów e-mail…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/actions.py" line="+269"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>&amp;Open…</source>
        <translation>&amp;Otwórz…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a spreadsheet with the list of recipients.</source>
        <translation>Otwórz arkusz kalkulacyjny z listą odbiorców.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/main_window.py" line="+171"/>
        <location line="+258"/>
        <source>Open &amp;Recent</source>
        <translation>Ostatnio otwie&amp;rane</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/window/actions.py" line="+5"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Wyczyść listę</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sheet and header row…</source>
        <translation>&amp;Arkusz i wiersz nagłówka…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the list again from another sheet, header row or e-mail column.</source>
        <translation>Wczytaj listę ponownie, wybierając inny arkusz, wiersz nagłówka lub kolumnę z adresami e-mail.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>Za&amp;kończ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Podręcznik użytkownika</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the user guide, in the window&apos;s language.</source>
        <translation>Przeczytaj podręcznik użytkownika w języku okna.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sandbox &amp;mailbox…</source>
        <translation>&amp;Skrzynka piaskownicy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The messages the built-in sandbox delivered (campaigns and tests), as the students see them.</source>
        <translation>Wiadomości doręczone przez wbudowaną piaskownicę (kampanie i testy) tak, jak widzą je studenci.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>S&amp;króty klawiszowe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List the keys that do what the menus do.</source>
        <translation>Pokazuje klawisze, które robią to samo co polecenia menu.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connection</source>
        <translation>P&amp;ołączenie</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Połącz…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the USOS installation and enter the key and secret.</source>
        <translation>Wybierz instalację USOS i wpisz klucz oraz sekret.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Sprawdź połączenie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the key and secret and read the mail queue&apos;s size.</source>
        <translation>Sprawdź klucz i sekret oraz odczytaj rozmiar kolejki poczty.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>&amp;Welcome page</source>
        <translation>&amp;Strona powitalna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the first page again: try the sandbox or connect.</source>
        <translation>Pokaż ponownie stronę powitalną: wypróbuj program w piaskownicy lub połącz się z uczelnią.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;About usosmail-gui</source>
        <translation>&amp;O programie usosmail-gui</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About &amp;Qt</source>
        <translation>O &amp;Qt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Send</source>
        <translation>Wy&amp;syłanie</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Send &amp;test to me…</source>
        <translation>Wyślij &amp;test do siebie…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the selected recipient&apos;s message (as the preview shows it) to your own address.</source>
        <translation>Wyślij wiadomość zaznaczonego odbiorcy (taką jak w podglądzie) na swój adres.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Send…</source>
        <translation>&amp;Wyślij…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+Enter</source>
        <translation>Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check what will be sent, confirm, and send the message to every recipient.</source>
        <translation>Sprawdź, co zostanie wysłane, potwierdź i wyślij wiadomość do wszystkich odbiorców.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Interrupted campaigns…</source>
        <translation>&amp;Przerwane kampanie…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finish campaigns that stopped before the end (recipients never sent, uncertain ones).</source>
        <translation>Dokończ kampanie zatrzymane przed końcem (odbiorcy, do których nic nie wysłano, i odbiorcy niepewni).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My &amp;address for tests…</source>
        <translation>Mój &amp;adres do testów…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address test messages are sent to.</source>
        <translation>Adres, na który są wysyłane wiadomości testowe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh statuses</source>
        <translation>&amp;Odśwież statusy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask USOS now about the shown campaign&apos;s messages.</source>
        <translation>Zapytaj teraz USOS o statusy wiadomości wyświetlanej kampanii.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Campaigns…</source>
        <translation>&amp;Kampanie…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaigns sent earlier: statuses and reports.</source>
        <translation>Kampanie wysłane wcześniej: statusy i raporty.</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Open a list of recipients</source>
        <translation>Otwórz listę odbiorców</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>Save the template</source>
        <translation>Zapisz szablon</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Send the selected recipient&apos;s message to yourself as a test</source>
        <translation>Wyślij do siebie wiadomość zaznaczonego odbiorcy jako test</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Check and send the message to every recipient</source>
        <translation>Sprawdź i wyślij wiadomość do wszystkich odbiorców</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Ask USOS now for the statuses of the shown campaign</source>
        <translation>Zapytaj teraz USOS o statusy wyświetlanej kampanii</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/main_window.py" line="-233"/>
        <source>Starting</source>
        <translation>Uruchamianie</translation>
    </message>
</context>
<context>
    <name>PlaceholderEdit</name>
    <message>
        <location filename="../../usosmail_gui/ui/placeholder_edit.py" line="+62"/>
        <source>Column placeholders</source>
        <translation>Pola kolumn</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../usosmail_gui/ui/preview.py" line="+308"/>
        <source>&lt;b&gt;Preview&lt;/b&gt;</source>
        <translation>&lt;b&gt;Podgląd&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>◀ Previous</source>
        <translation>◀ Poprzedni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous recipient</source>
        <translation>Poprzedni odbiorca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview the message of the previous recipient in the list.</source>
        <translation>Pokaż podgląd wiadomości poprzedniego odbiorcy na liście.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>Następny ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next recipient</source>
        <translation>Następny odbiorca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview the message of the next recipient in the list.</source>
        <translation>Pokaż podgląd wiadomości następnego odbiorcy na liście.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previewed recipient</source>
        <translation>Odbiorca w podglądzie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender of the previewed message</source>
        <translation>Nadawca wiadomości w podglądzie</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sender students see when the campaign is sent in messages mode (the default). In template mode USOS sends every message from its &quot;USOS Notifier&quot; address instead.</source>
        <translation>Nadawca, którego studenci zobaczą, gdy kampania zostanie wysłana w trybie wiadomości (domyślnym). W trybie szablonu USOS wysyła każdą wiadomość ze swojego adresu „USOS Notifier”.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Recipients of the previewed message</source>
        <translation>Odbiorcy wiadomości w podglądzie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previewed subject</source>
        <translation>Temat w podglądzie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview notice</source>
        <translation>Uwaga do podglądu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previewed message text</source>
        <translation>Treść wiadomości w podglądzie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previewed HTML message</source>
        <translation>Wiadomość HTML w podglądzie</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Show HTML &amp;source</source>
        <translation>Pokaż &amp;kod źródłowy HTML</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Show the HTML source of the message</source>
        <translation>Pokaż kod źródłowy HTML wiadomości</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The exact text sent. The page view is an approximation: e-mail programs draw HTML differently.</source>
        <translation>Dokładnie taki tekst jest wysyłany. Widok strony jest tylko przybliżeniem: programy pocztowe wyświetlają HTML na różne sposoby.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Subject:</source>
        <translation>Temat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>Do:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation>Od:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No recipient selected</source>
        <translation>Nie zaznaczono odbiorcy</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recipient {position} of %Ln</source>
        <translation>
            <numerusform>Odbiorca {position} z %Ln</numerusform>
            <numerusform>Odbiorca {position} z %Ln</numerusform>
            <numerusform>Odbiorca {position} z %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>row {row}</source>
        <translation>wiersz {row}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name}, from USOS&apos;s no-reply address</source>
        <translation>{name}, z adresu no-reply USOS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USOS (the server&apos;s default sender)</source>
        <translation>USOS (domyślny nadawca serwera)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{sender}   ·   in template mode: the USOS Notifier address</source>
        <translation>{sender}   ·   w trybie szablonu: adres USOS Notifier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no recipient list is open)</source>
        <translation>(nie otwarto listy odbiorców)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nobody: this row is not sent (excluded, no valid address, or a duplicate)</source>
        <translation>nikogo: wiadomość z tego wiersza nie zostanie wysłana (wiersz wykluczony, brak prawidłowego adresu albo duplikat)</translation>
    </message>
</context>
<context>
    <name>ProblemCells</name>
    <message>
        <location filename="../../usosmail_gui/ui/problem_cells.py" line="+56"/>
        <source>This row is hidden in the sheet (or by its filter).</source>
        <translation>Ten wiersz jest ukryty w arkuszu (lub przez jego filtr).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(This row is excluded, so nothing is sent to it anyway.)</source>
        <translation>(Ten wiersz jest wykluczony, więc i tak nic nie zostanie do niego wysłane.)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+14"/>
        <source>Hidden in the sheet</source>
        <translation>Ukryty w arkuszu</translation>
    </message>
    <message numerus="yes">
        <location line="-13"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problemy</numerusform>
            <numerusform>%n problemów</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>No address</source>
        <translation>Brak adresu</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>Invalid address</source>
        <translation>Nieprawidłowy adres</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+25"/>
        <source>Duplicate address</source>
        <translation>Powtórzony adres</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+26"/>
        <source>Several addresses</source>
        <translation>Kilka adresów</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../usosmail_gui/core/campaign.py" line="+86"/>
        <source>Campaign {campaign} was sent through {installation}, not {url}. Connect to {installation} to send it again or continue it.</source>
        <translation>Kampania {campaign} została wysłana przez {installation}, a nie {url}. Połącz się z {installation}, aby wysłać ją ponownie lub dokończyć.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/drafts.py" line="+68"/>
        <source>Hidden in the sheet, so left out (tick the row to send to it).</source>
        <translation>Wiersz ukryty w arkuszu, więc pominięty (zaznacz go, aby do niego wysłać).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../usosmail_gui/core/letters/campaign.py" line="+55"/>
        <source>Excluded from the list (unticked).</source>
        <translation>Wykluczony z listy (odznaczony).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This row cannot be sent.</source>
        <translation>Do tego wiersza nie można nic wysłać.</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>There is nobody to send again to: no recipient of that campaign qualifies.</source>
        <translation>Nie ma do kogo wysłać ponownie: żaden odbiorca tej kampanii się do tego nie kwalifikuje.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/email_reasons.py" line="+17"/>
        <source>The address contains “|”, which USOS reads as the end of one address and the start of another, so this student&apos;s message could go to another address.</source>
        <translation>Adres zawiera znak „|”, który USOS odczytuje jako koniec jednego adresu i początek następnego, więc wiadomość do tego studenta mogłaby trafić pod inny adres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“|” separates addresses here, and USOS would read them as separate recipients. Separate them with commas (the “Split at |” fix does it).</source>
        <translation>Znak „|” rozdziela tu adresy, a USOS odczytałby je jako osobnych odbiorców. Rozdziel je przecinkami (zrobi to poprawka „Podziel przy |”).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These look like several addresses separated by spaces or “/”. Separate them with commas (the “Split into separate addresses” fix does it).</source>
        <translation>To wygląda na kilka adresów rozdzielonych spacjami lub znakiem „/”. Rozdziel je przecinkami (zrobi to poprawka „Podziel na osobne adresy”).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A comma where a dot belongs? The part after the @-sign has a comma (the “Replace the comma with a dot” fix does it).</source>
        <translation>Przecinek zamiast kropki? W części po znaku @ jest przecinek (zrobi to poprawka „Zamień przecinek na kropkę”).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An email address must have an @-sign.</source>
        <translation>Adres e-mail musi zawierać znak @.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There must be something before the @-sign.</source>
        <translation>Przed znakiem @ musi coś być.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There must be something after the @-sign.</source>
        <translation>Po znaku @ musi coś być.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An email address cannot have two periods in a row.</source>
        <translation>Adres e-mail nie może zawierać dwóch kropek z rzędu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An email address cannot have a period and a hyphen next to each other.</source>
        <translation>Adres e-mail nie może zawierać kropki i łącznika („-”) tuż obok siebie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The part after the @-sign is not valid. It should have a period.</source>
        <translation>Część po znaku @ jest nieprawidłowa. Powinna zawierać kropkę.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The part after the @-sign is not valid. It is not within a valid top-level domain.</source>
        <translation>Część po znaku @ jest nieprawidłowa. Nie należy do żadnej prawidłowej domeny najwyższego poziomu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The part after the @-sign is a special-use or reserved name that cannot be used with email.</source>
        <translation>Część po znaku @ to nazwa zastrzeżona lub specjalnego przeznaczenia, której nie można używać w adresach e-mail.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The email address contains invalid characters before the @-sign.</source>
        <translation>Adres e-mail zawiera niedozwolone znaki przed znakiem @.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address contains an invalid character.</source>
        <translation>Adres e-mail zawiera niedozwolony znak.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address is not valid ASCII.</source>
        <translation>Adres e-mail nie składa się z prawidłowych znaków ASCII.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There can&apos;t be anything after the email address.</source>
        <translation>Za adresem e-mail nie może być nic więcej.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A display name and angle brackets around the email address are not permitted here.</source>
        <translation>Nazwa wyświetlana i nawiasy ostrokątne wokół adresu e-mail nie są tu dozwolone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quoting the part before the @-sign is not allowed here.</source>
        <translation>Ujmowanie części przed znakiem @ w cudzysłów nie jest tu dozwolone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bracketed IP address after the @-sign is not allowed here.</source>
        <translation>Adres IP w nawiasach kwadratowych po znaku @ nie jest tu dozwolony.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address has the &quot;small commercial at&quot; character instead of a regular at-sign.</source>
        <translation>Adres e-mail zawiera znak „small commercial at” (pomniejszone @) zamiast zwykłego znaku @.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The email address contains invalid characters before the @-sign: {rest}</source>
        <translation>Adres e-mail zawiera niedozwolone znaki przed znakiem @: {rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The part after the @-sign contains invalid characters: {rest}</source>
        <translation>Część po znaku @ zawiera niedozwolone znaki: {rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address contains unsafe characters: {rest}</source>
        <translation>Adres e-mail zawiera niebezpieczne znaki: {rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address is too long {rest}</source>
        <translation>Adres e-mail jest za długi {rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address is too long before the @-sign {rest}</source>
        <translation>Część adresu e-mail przed znakiem @ jest za długa {rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address is too long after the @-sign {rest}</source>
        <translation>Część adresu e-mail po znaku @ jest za długa {rest}</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/loading.py" line="+56"/>
        <source>{name} has no worksheets (only charts or macros). Open the file with the list of recipients.</source>
        <translation>Plik {name} nie zawiera żadnych arkuszy z danymi (tylko wykresy lub makra). Otwórz plik z listą odbiorców.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} has no sheet named “{wanted}”. Its sheets are: {sheets}.</source>
        <translation>Plik {name} nie ma arkusza o nazwie „{wanted}”. Arkusze w tym pliku: {sheets}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The sheet “{wanted}” of {name} is empty. Choose another sheet ({sheets}).</source>
        <translation>Arkusz „{wanted}” w pliku {name} jest pusty. Wybierz inny arkusz ({sheets}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The sheet “{wanted}” of {name} is empty.</source>
        <translation>Arkusz „{wanted}” w pliku {name} jest pusty.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} holds no data: every sheet is empty. Check that you chose the right file, or export the list again.</source>
        <translation>Plik {name} nie zawiera danych: wszystkie arkusze są puste. Sprawdź, czy wybrano właściwy plik, albo wyeksportuj listę ponownie.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The header row must be a row number (1 or more), or 0 for a sheet without column names, not {header_row}.</source>
        <translation>Nieprawidłowy wiersz nagłówka: {header_row}. Podaj numer wiersza (1 lub większy) albo 0, jeśli arkusz nie ma nazw kolumn.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Row {header_row} is below the last row with data in {where} (row {last}). Give the number of the row that holds the column names.</source>
        <translation>Wiersz {header_row} znajduje się poniżej ostatniego wiersza z danymi w {where} (wiersz {last}). Podaj numer wiersza, w którym są nazwy kolumn.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Row {header_row} of {where} is blank, so it cannot hold the column names. Give the number of the row that does (rows with data: {first}–{last}).</source>
        <translation>Wiersz {header_row} w {where} jest pusty, więc nie może zawierać nazw kolumn. Podaj numer wiersza, w którym są nazwy kolumn (wiersze z danymi: {first}–{last}).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>There is no column “{spec}” in {where}. Give a column&apos;s name or letter; the columns are {listed}.</source>
        <translation>W {where} nie ma kolumny „{spec}”. Podaj nazwę lub literę kolumny; dostępne kolumny to: {listed}.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{name} holds no data: it has only blank lines. Check that you chose the right file, or export the list again.</source>
        <translation>Plik {name} nie zawiera danych: ma tylko puste wiersze. Sprawdź, czy wybrano właściwy plik, albo wyeksportuj listę ponownie.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the sheet “{sheet}” of {name}</source>
        <translation>arkuszu „{sheet}” pliku {name}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>There are column names in {where} (row {header_row}) but no rows below them, so there is nobody to write to. Check that you chose the right file and sheet (or the right header row).</source>
        <translation>W {where} są nazwy kolumn (wiersz {header_row}), ale pod nimi nie ma żadnych wierszy, więc nie ma do kogo pisać. Sprawdź, czy wybrano właściwy plik i arkusz (lub właściwy wiersz nagłówka).</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/sniffing.py" line="+58"/>
        <source>The file {name} does not exist (it may have been moved, renamed or deleted). Choose the file again.</source>
        <translation>Plik {name} nie istnieje (mógł zostać przeniesiony, usunięty lub mieć zmienioną nazwę). Wybierz plik ponownie.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} is a folder, not a file. Choose the spreadsheet file itself.</source>
        <translation>{name} to folder, a nie plik. Wybierz sam plik z arkuszem kalkulacyjnym.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You are not allowed to read {name}. Ask whoever shared it to give you access, or copy it to one of your own folders and open the copy.</source>
        <translation>Nie masz uprawnień do odczytu pliku {name}. Poproś osobę, która go udostępniła, o nadanie dostępu albo skopiuj plik do jednego ze swoich folderów i otwórz kopię.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/errors.py" line="+50"/>
        <source>{name} could not be read ({detail}). Check that the disk or network drive it is on is available, then try again.</source>
        <translation>Nie udało się odczytać pliku {name} ({detail}). Sprawdź, czy dysk lokalny lub sieciowy, na którym się znajduje, jest dostępny, i spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} looks like an Excel or LibreOffice workbook but is damaged (incomplete or corrupt), perhaps because a download or copy was interrupted. Get the file again, or open it in Excel or LibreOffice and save it anew.</source>
        <translation>Plik {name} wygląda na skoroszyt programu Excel lub LibreOffice, ale jest uszkodzony (niepełny lub zniekształcony) — być może pobieranie lub kopiowanie zostało przerwane. Pobierz plik ponownie albo otwórz go w programie Excel lub LibreOffice i zapisz od nowa.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} is protected with a password, so it cannot be read. Open it in Excel or LibreOffice, save a copy without the password, and open that copy.</source>
        <translation>Plik {name} jest chroniony hasłem, więc nie można go odczytać. Otwórz go w programie Excel lub LibreOffice, zapisz kopię bez hasła i otwórz tę kopię.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/sniffing.py" line="+14"/>
        <source>a text document (LibreOffice Writer)</source>
        <translation>dokument tekstowy (LibreOffice Writer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a Word document</source>
        <translation>dokument programu Word</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a PowerPoint presentation</source>
        <translation>prezentacja programu PowerPoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a ZIP archive</source>
        <translation>archiwum ZIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a PDF document</source>
        <translation>dokument PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a picture</source>
        <translation>obraz</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/errors.py" line="+15"/>
        <source>{name} is {what}, not a spreadsheet. Choose the recipient list saved as .xlsx, .xls, .ods or .csv.</source>
        <translation>Plik {name} to {what}, a nie arkusz kalkulacyjny. Wybierz listę odbiorców zapisaną w formacie .xlsx, .xls, .ods lub .csv.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} is too large or damaged: a part of it would take far more memory than a list of recipients needs (such files are usually damaged, or made to crash programs). Open it in Excel or LibreOffice and save it anew, or export the list again.</source>
        <translation>Plik {name} jest zbyt duży lub uszkodzony: jego część zajęłaby znacznie więcej pamięci, niż potrzebuje lista odbiorców (takie pliki są zwykle uszkodzone albo przygotowane tak, by zawiesić program). Otwórz go w programie Excel lub LibreOffice i zapisz ponownie albo wyeksportuj listę jeszcze raz.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/sniffing.py" line="+86"/>
        <source>{name} is empty (0 bytes): there is nothing in it to read. Check that you chose the right file, or export the list again.</source>
        <translation>Plik {name} jest pusty (0 bajtów): nie ma w nim nic do odczytania. Sprawdź, czy wybrano właściwy plik, albo wyeksportuj listę ponownie.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} is neither a spreadsheet nor a text (CSV) file: its content is binary data. Choose the recipient list saved as .xlsx, .xls, .ods or .csv.</source>
        <translation>Plik {name} nie jest ani arkuszem kalkulacyjnym, ani plikiem tekstowym (CSV): zawiera dane binarne. Wybierz listę odbiorców zapisaną w formacie .xlsx, .xls, .ods lub .csv.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} is a web page (HTML) saved with a spreadsheet&apos;s name, which this app cannot read. Open it in Excel or LibreOffice, save it as .xlsx or .csv, and open that file.</source>
        <translation>Plik {name} to strona internetowa (HTML) zapisana z rozszerzeniem arkusza kalkulacyjnego, a takiego pliku ten program nie potrafi odczytać. Otwórz go w programie Excel lub LibreOffice, zapisz jako .xlsx lub .csv i otwórz zapisany plik.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} is an old “XML Spreadsheet 2003” file, which this app cannot read. Open it in Excel or LibreOffice, save it as .xlsx, and open that file.</source>
        <translation>Plik {name} jest w starym formacie „XML Spreadsheet 2003” („Arkusz kalkulacyjny XML 2003”), którego ten program nie potrafi odczytać. Otwórz go w programie Excel lub LibreOffice, zapisz jako .xlsx i otwórz zapisany plik.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/errors.py" line="+17"/>
        <source>{name} has more than {max_rows} rows of recipients; this app sends to at most {max_rows} at once. Split the list into smaller files (or delete the rows you do not need) and open them one by one.</source>
        <translation>Plik {name} ma ponad {max_rows} wierszy z odbiorcami, a ten program wysyła wiadomości do najwyżej {max_rows} odbiorców naraz. Podziel listę na mniejsze pliki (lub usuń niepotrzebne wiersze) i otwieraj je po kolei.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/text_source.py" line="+120"/>
        <source>{name} cannot be read as {encoding}: it holds bytes that are not text in that encoding. Choose another encoding (or let the app find it).</source>
        <translation>Pliku {name} nie da się odczytać w kodowaniu {encoding}: zawiera bajty, które w tym kodowaniu nie są tekstem. Wybierz inne kodowanie (albo pozwól programowi je wykryć).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The text of {name} could not be read: it is not in UTF-8, Windows-1250 or ISO 8859-2. Open it in Excel or LibreOffice and save it as .xlsx (or as CSV in UTF-8), then open that file.</source>
        <translation>Nie udało się odczytać tekstu pliku {name}: nie jest on zapisany w kodowaniu UTF-8, Windows-1250 ani ISO 8859-2. Otwórz go w programie Excel lub LibreOffice i zapisz jako .xlsx (lub jako CSV w kodowaniu UTF-8), a następnie otwórz zapisany plik.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>“{encoding}” is not an encoding this app reads. Choose one of: {encodings}.</source>
        <translation>„{encoding}” nie jest kodowaniem obsługiwanym przez program. Wybierz jedno z: {encodings}.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{name} is {megabytes} MB of text, far more than a list of {max_rows} recipients (the most this app sends to at once). Check that you chose the right file, or split the list into smaller files.</source>
        <translation>Plik {name} zawiera {megabytes} MB tekstu — znacznie więcej niż lista {max_rows} odbiorców (tylu najwyżej ten program obsługuje w jednej wysyłce). Sprawdź, czy wybrano właściwy plik, albo podziel listę na mniejsze pliki.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{name} is not a well-formed CSV file (line {line} could not be split into cells). Open it in Excel or LibreOffice and save it as .xlsx or .csv again.</source>
        <translation>Plik {name} nie jest poprawnym plikiem CSV (linii {line} nie da się podzielić na komórki). Otwórz go w programie Excel lub LibreOffice i zapisz ponownie jako .xlsx lub .csv.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/address_problems.py" line="+58"/>
        <source>No column of e-mail addresses was found (no header like “E-mail” and no column of addresses). Choose the column that holds the addresses.</source>
        <translation>Nie znaleziono kolumny z adresami e-mail (brak nagłówka takiego jak „E-mail” i brak kolumny z adresami). Wybierz kolumnę, która zawiera adresy.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No e-mail address in column “{column}”. Add one, or exclude the row.</source>
        <translation>Brak adresu e-mail w kolumnie „{column}”. Dodaj adres albo wyklucz wiersz.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{address}” is not a valid e-mail address: {reason} Correct it, or exclude the row.</source>
        <translation>„{address}” nie jest prawidłowym adresem e-mail: {reason} Popraw go albo wyklucz wiersz.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing is sent to this row until then.</source>
        <translation>Dopóki tego nie zrobisz, do tego wiersza nic nie zostanie wysłane.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{address}” has letters such as “ł” or “ó” before the @-sign. It is a valid address, but many mail servers refuse such addresses, so the message may bounce. Check it with the student, or write the address the university gave them.</source>
        <translation>Adres „{address}” zawiera przed znakiem @ litery takie jak „ł” czy „ó”. Jest poprawny, ale wiele serwerów pocztowych odrzuca takie adresy, więc wiadomość może wrócić jako niedoręczona. Sprawdź go ze studentem albo wpisz adres nadany przez uczelnię.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This cell holds {count} addresses ({addresses}); each of them receives this row&apos;s message.</source>
        <translation>Liczba adresów w tej komórce: {count} ({addresses}); każdy z nich otrzyma wiadomość z tego wiersza.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{address} is written twice in this cell; it receives the message once.</source>
        <translation>Adres {address} występuje w tej komórce dwukrotnie; wiadomość zostanie na niego wysłana tylko raz.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{address} is already in row {first}, which receives the message; so this row receives nothing. Exclude one of the rows if that is not what you want.</source>
        <translation>Adres {address} występuje już w wierszu {first}, do którego wiadomość zostanie wysłana, więc ten wiersz nic nie otrzyma. Jeśli nie o to chodzi, wyklucz jeden z tych wierszy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{address} is already in row {first}, which receives the message; this row&apos;s message is not sent to it again. Exclude one of the rows if that is not what you want.</source>
        <translation>Adres {address} występuje już w wierszu {first}, do którego wiadomość zostanie wysłana; wiadomość z tego wiersza nie zostanie na ten adres wysłana ponownie. Jeśli nie o to chodzi, wyklucz jeden z tych wierszy.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/template/messages/common.py" line="+63"/>
        <source>the subject</source>
        <translation>temacie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the message text</source>
        <translation>treści wiadomości</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sender name</source>
        <translation>nazwie nadawcy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the template</source>
        <translation>szablonie</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/template/messages/syntax.py" line="+19"/>
        <source>{source} names no column: the recipient list has no columns yet.</source>
        <translation>Pole {source} nie wskazuje żadnej kolumny: lista odbiorców nie ma jeszcze kolumn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source} names no column of the recipient list, so it cannot be filled in.</source>
        <translation>Pole {source} nie wskazuje żadnej kolumny listy odbiorców, więc nie można go wypełnić.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Did you mean {placeholder}?</source>
        <translation>Czy chodziło o {placeholder}?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A placeholder must be a column name exactly as in the list; braces meant as text are written {{ and }}.</source>
        <translation>Pole musi zawierać nazwę kolumny dokładnie taką jak na liście; nawiasy klamrowe, które mają być zwykłym tekstem, zapisuje się jako {{ i }}.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The column “{column}” cannot be written as {source}: its name contains characters that placeholders use for other things. Write {placeholder} instead.</source>
        <translation>Kolumny „{column}” nie można wpisać jako {source}: jej nazwa zawiera znaki, które w polach mają specjalne znaczenie. Wpisz zamiast tego {placeholder}.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{source} asks for a property of the value (the part after the dot), so the recipient would get Python internals such as “&lt;built-in method …&gt;” instead of text.</source>
        <translation>Pole {source} odwołuje się do właściwości wartości (część po kropce), więc zamiast tekstu odbiorca dostałby wewnętrzne dane Pythona, np. „&lt;built-in method …&gt;”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write just {placeholder}.</source>
        <translation>Wpisz po prostu {placeholder}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{source} takes a piece of the value (the part in square brackets); that fails or gives a single character.</source>
        <translation>Pole {source} pobiera fragment wartości (część w nawiasach kwadratowych); kończy się to błędem albo daje tylko jeden znak.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write just {placeholder}, or put the part you need in a column of its own.</source>
        <translation>Wpisz po prostu {placeholder} albo umieść potrzebny fragment w osobnej kolumnie.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{source} has no column name in it. Write the column name between the braces, e.g. {Imię}, or write {{ and }} for braces meant as text.</source>
        <translation>Pole {source} nie zawiera nazwy kolumny. Wpisz nazwę kolumny między nawiasami klamrowymi, np. {Imię}, albo wpisz {{ i }}, jeśli nawiasy mają być zwykłym tekstem.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{source} is a number, not a column name; placeholders are filled in by column name only. Write the column name between the braces.</source>
        <translation>Pole {source} zawiera liczbę, a nie nazwę kolumny; pola są wypełniane tylko na podstawie nazw kolumn. Wpisz nazwę kolumny między nawiasami klamrowymi.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>there is nothing after a dot, or between square brackets</source>
        <translation>po kropce lub między nawiasami kwadratowymi nic nie ma</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>text follows a closing square bracket</source>
        <translation>po zamykającym nawiasie kwadratowym jest jeszcze tekst</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a square bracket is not closed</source>
        <translation>nawias kwadratowy nie jest zamknięty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the number in it is far too long</source>
        <translation>zawarta w nim liczba jest zdecydowanie za długa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the text ends right after “!”</source>
        <translation>tekst kończy się zaraz po „!”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after “!” only one letter (s, r or a) may come, then “}” or “:”</source>
        <translation>po „!” może wystąpić tylko jedna litera (s, r lub a), a po niej „}” lub „:”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a placeholder inside the format of a placeholder inside another placeholder&apos;s format (only one level is allowed)</source>
        <translation>pole w formacie pola, które samo znajduje się w formacie innego pola (dozwolony jest tylko jeden poziom zagnieżdżenia)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{source} is not a valid placeholder: {what}. A placeholder is a column name in braces, e.g. {Imię}; braces meant as text are written {{ and }}.</source>
        <translation>Pole {source} jest nieprawidłowe: {what}. Pole to nazwa kolumny w nawiasach klamrowych, np. {Imię}; nawiasy klamrowe, które mają być zwykłym tekstem, zapisuje się jako {{ i }}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This “{” in {part} is never closed by “}”. If it starts a placeholder, finish it (e.g. {Imię}); if it is meant as text, write it twice: {{ (the “Write the brace twice (as text)” fix does it).</source>
        <translation>Ten znak „{” w {part} nie ma zamykającego „}”. Jeśli rozpoczyna pole, dokończ je (np. {Imię}); jeśli ma być zwykłym tekstem, wpisz go podwójnie: {{ (zrobi to poprawka „Podwój nawias klamrowy (jako tekst)”).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This “}” in {part} closes nothing. If it is meant as text, write it twice: }} (the “Write the brace twice (as text)” fix does it); otherwise remove it.</source>
        <translation>Ten znak „}” w {part} niczego nie zamyka. Jeśli ma być zwykłym tekstem, wpisz go podwójnie: }} (zrobi to poprawka „Podwój nawias klamrowy (jako tekst)”); w przeciwnym razie usuń go.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{count} brace(s) here belong to CSS or JavaScript, but USOS reads every single brace as the start or end of a placeholder, so the message cannot be sent. Write each of them twice ({{ and }}) — the “Write the braces twice” fix does it — and recipients see single braces.</source>
        <translation>Nawiasy klamrowe w tym miejscu (liczba: {count}) należą do kodu CSS lub JavaScript, ale USOS traktuje każdy pojedynczy nawias klamrowy jako początek lub koniec pola, więc wiadomości nie można wysłać. Wpisz każdy z nich podwójnie ({{ i }}) — zrobi to poprawka „Podwój nawiasy klamrowe” — a odbiorcy zobaczą pojedyncze nawiasy.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{source} looks like text in braces, not a placeholder, but USOS reads every single brace as a placeholder. Write the braces twice ({{ and }}) — the “Write the braces twice” fix does it — and recipients see single braces.</source>
        <translation>{source} wygląda na tekst w nawiasach klamrowych, a nie na pole, ale USOS traktuje każdy pojedynczy nawias klamrowy jako początek lub koniec pola. Wpisz nawiasy podwójnie ({{ i }}) — zrobi to poprawka „Podwój nawiasy klamrowe” — a odbiorcy zobaczą pojedyncze nawiasy.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“!{conversion}” in {source} is not a conversion (only !s, !r and !a exist, and text needs none). Remove “!{conversion}”.</source>
        <translation>„!{conversion}” w polu {source} nie jest konwersją (istnieją tylko !s, !r i !a, a tekst nie wymaga żadnej). Usuń „!{conversion}”.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“!r” in {source} prints the value in quotes (e.g. &apos;Jan&apos; instead of Jan). Remove “!r” unless the quotes are wanted.</source>
        <translation>„!r” w polu {source} wstawia wartość w cudzysłowie (np. &apos;Jan&apos; zamiast Jan). Usuń „!r”, chyba że cudzysłów jest zamierzony.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“!a” in {source} prints the value in quotes with Polish letters as codes (e.g. &apos;Zaj\u0105c&apos;). Remove “!a”.</source>
        <translation>„!a” w polu {source} wstawia wartość w cudzysłowie, a polskie litery zamienia na kody (np. &apos;Zaj\u0105c&apos;). Usuń „!a”.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The format “:{spec}” in {source} does not work on text: every value from the spreadsheet is text, and number formats such as “.2f” or “d” need numbers. Remove “:{spec}” and format the numbers in the spreadsheet instead.</source>
        <translation>Format „:{spec}” w polu {source} nie działa z tekstem: każda wartość z arkusza kalkulacyjnego jest tekstem, a formaty liczbowe, takie jak „.2f” czy „d”, wymagają liczb. Usuń „:{spec}” i zamiast tego sformatuj liczby w arkuszu kalkulacyjnym.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>For this recipient the format of {source}, filled in, is not valid ({detail}). Correct the values it uses, or remove the format.</source>
        <translation>Dla tego odbiorcy format pola {source} po wypełnieniu jest nieprawidłowy ({detail}). Popraw wartości, których używa, albo usuń format.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>For this recipient the format of {source} pads the value to more characters than any message may have. Use a smaller width, or remove the format.</source>
        <translation>Dla tego odbiorcy format pola {source} dopełnia wartość do większej liczby znaków, niż może mieć jakakolwiek wiadomość. Użyj mniejszej szerokości albo usuń format.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The format of {source} pads the value to more characters than any message may have. Use a smaller width, or remove the format.</source>
        <translation>Format pola {source} dopełnia wartość do większej liczby znaków, niż może mieć jakakolwiek wiadomość. Użyj mniejszej szerokości albo usuń format.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/template/messages/values.py" line="+18"/>
        <source>The subject is empty. USOS needs a subject: write one.</source>
        <translation>Temat jest pusty. USOS wymaga tematu: wpisz go.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For this recipient the subject is empty once the placeholders are filled in. Fill in the cells it uses.</source>
        <translation>Dla tego odbiorcy temat po wypełnieniu pól jest pusty. Uzupełnij komórki, których używa.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The message text is empty. Write the message.</source>
        <translation>Treść wiadomości jest pusta. Napisz wiadomość.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The subject contains a line break. A subject must be one line (a line break would let text into the message&apos;s headers). Remove the line break.</source>
        <translation>Temat zawiera podział linii. Temat musi mieścić się w jednej linii (podział linii pozwoliłby wprowadzić tekst do nagłówków wiadomości). Usuń podział linii.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For this recipient the value of “{column}” contains a line break, which would split the subject (and could let text into the message&apos;s headers). Remove the line break from the cell, or do not use this column in the subject.</source>
        <translation>Dla tego odbiorcy wartość w kolumnie „{column}” zawiera podział linii, który rozdzieliłby temat (i mógłby wprowadzić tekst do nagłówków wiadomości). Usuń podział linii z komórki albo nie używaj tej kolumny w temacie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>For this recipient the subject contains a line break once filled in. Remove it from the cells it uses.</source>
        <translation>Dla tego odbiorcy temat po wypełnieniu pól zawiera podział linii. Usuń go z komórek, których używa temat.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The subject contains an invisible control character ({character}). It would go into the message&apos;s header, where mail programs cut the subject short or refuse the message. Remove it.</source>
        <translation>Temat zawiera niewidoczny znak sterujący ({character}). Trafiłby do nagłówka wiadomości, a tam programy pocztowe ucinają temat albo odrzucają wiadomość. Usuń go.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The message text contains an invisible control character ({character}); mail servers may refuse such a message or cut it off there. Remove it.</source>
        <translation>Treść wiadomości zawiera niewidoczny znak sterujący ({character}); serwery pocztowe mogą odrzucić taką wiadomość albo uciąć ją w tym miejscu. Usuń go.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sender name contains an invisible control character ({character}). It would go into the message&apos;s header, where mail programs cut the name short or refuse the message. Remove it.</source>
        <translation>Nazwa nadawcy zawiera niewidoczny znak sterujący ({character}). Trafiłby do nagłówka wiadomości, a tam programy pocztowe ucinają nazwę albo odrzucają wiadomość. Usuń go.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sender address contains an invisible control character ({character}), so it is not a valid e-mail address. Remove it.</source>
        <translation>Adres nadawcy zawiera niewidoczny znak sterujący ({character}), więc nie jest poprawnym adresem e-mail. Usuń go.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The address for the summary contains an invisible control character ({character}), so it is not a valid e-mail address. Remove it.</source>
        <translation>Adres do podsumowania zawiera niewidoczny znak sterujący ({character}), więc nie jest poprawnym adresem e-mail. Usuń go.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>For this recipient the value of “{column}” contains an invisible control character, which would go into the subject (mail programs cut it short or refuse the message). Remove it from the cell, or do not use this column in the subject.</source>
        <translation>U tego odbiorcy wartość „{column}” zawiera niewidoczny znak sterujący, który trafiłby do tematu (programy pocztowe ucinają wtedy temat albo odrzucają wiadomość). Usuń go z komórki albo nie używaj tej kolumny w temacie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For this recipient the value of “{column}” contains an invisible control character; mail servers may refuse such a message or cut it off there. Remove it from the cell.</source>
        <translation>U tego odbiorcy wartość „{column}” zawiera niewidoczny znak sterujący; serwery pocztowe mogą odrzucić taką wiadomość albo uciąć ją w tym miejscu. Usuń go z komórki.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For this recipient the subject contains an invisible control character once filled in. Remove it from the cells it uses.</source>
        <translation>U tego odbiorcy temat po wypełnieniu zawiera niewidoczny znak sterujący. Usuń go z komórek, których temat używa.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For this recipient the message text contains an invisible control character once filled in. Remove it from the cells it uses.</source>
        <translation>U tego odbiorcy treść po wypełnieniu zawiera niewidoczny znak sterujący. Usuń go z komórek, których treść używa.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The subject is {length} characters long even before the placeholders are filled in; USOS accepts at most {limit}. Shorten it.</source>
        <translation>Temat jest za długi już przed wypełnieniem pól (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć go.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The subject is {length} characters long; USOS accepts at most {limit}. Shorten it.</source>
        <translation>Temat jest za długi (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć go.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For this recipient the subject is {length} characters long; USOS accepts at most {limit}. Shorten the subject or the values it uses.</source>
        <translation>Dla tego odbiorcy temat jest za długi (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć temat lub wartości, których używa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The message text is {length} characters long even before the placeholders are filled in; USOS accepts at most {limit}. Shorten it.</source>
        <translation>Treść wiadomości jest za długa już przed wypełnieniem pól (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć ją.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The message text is {length} characters long; USOS accepts at most {limit}. Shorten it.</source>
        <translation>Treść wiadomości jest za długa (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć ją.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For this recipient the message text is {length} characters long; USOS accepts at most {limit}. Shorten the message text or the values it uses.</source>
        <translation>Dla tego odbiorcy treść wiadomości jest za długa (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć treść wiadomości lub wartości, których używa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sender name is {length} characters long even before the placeholders are filled in; USOS accepts at most {limit}. Shorten it.</source>
        <translation>Nazwa nadawcy jest za długa już przed wypełnieniem pól (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć ją.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sender name is {length} characters long; USOS accepts at most {limit}. Shorten it.</source>
        <translation>Nazwa nadawcy jest za długa (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć ją.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For this recipient the sender name is {length} characters long; USOS accepts at most {limit}. Shorten the sender name or the values it uses.</source>
        <translation>Dla tego odbiorcy nazwa nadawcy jest za długa (liczba znaków: {length}); USOS przyjmuje najwyżej {limit} znaków. Skróć nazwę nadawcy lub wartości, których używa.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The sender name contains a line break; it must be one line. Remove the line break.</source>
        <translation>Nazwa nadawcy zawiera podział linii; musi mieścić się w jednej linii. Usuń podział linii.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A sender address is used by USOS only together with a sender name. Fill in the sender name, or clear the sender address.</source>
        <translation>USOS używa adresu nadawcy tylko razem z nazwą nadawcy. Wpisz nazwę nadawcy albo usuń adres nadawcy.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The sender address “{address}” is not a valid e-mail address: {reason} Correct it, or clear it.</source>
        <translation>Adres nadawcy „{address}” nie jest prawidłowym adresem e-mail: {reason} Popraw go albo usuń.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The address for the summary “{address}” is not a valid e-mail address: {reason} Correct it, or clear it.</source>
        <translation>Adres do podsumowania „{address}” nie jest prawidłowym adresem e-mail: {reason} Popraw go albo usuń.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“{column}” is empty for this recipient, so the message has nothing where {placeholder} is. Fill in the cell, or exclude the row.</source>
        <translation>Dla tego odbiorcy kolumna „{column}” jest pusta, więc w miejscu pola {placeholder} w wiadomości nic się nie pojawi. Uzupełnij komórkę albo wyklucz wiersz.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>“{column}” shows {error} in the spreadsheet for this recipient (an error of the cell&apos;s formula), so the message would say {error} where {placeholder} is. Correct the sheet, or exclude the row.</source>
        <translation>W kolumnie „{column}” arkusz pokazuje dla tego odbiorcy {error} (błąd formuły w komórce), więc wiadomość zawierałaby {error} w miejscu {placeholder}. Popraw arkusz albo wyklucz wiersz.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The message cannot be put together for this recipient ({detail}). Check the template and the row.</source>
        <translation>Nie można utworzyć wiadomości dla tego odbiorcy ({detail}). Sprawdź szablon i wiersz.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/usos/selfcheck.py" line="+119"/>
        <source>The installation does not have this method, which the app uses to {purpose}.</source>
        <translation>Instalacja nie ma tej metody, której program używa, aby {purpose}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The installation does not document the parameter &apos;{name}&apos;, which the app sends. USOS ignores parameters it does not know, so what the app sets with it may have no effect.</source>
        <translation>Instalacja nie opisuje parametru „{name}”, który program wysyła. USOS pomija nieznane sobie parametry, więc to, co program nim ustawia, może nie zadziałać.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation requires the parameter &apos;{name}&apos;, which this app does not send: the call would be refused.</source>
        <translation>Instalacja wymaga parametru „{name}”, którego program nie wysyła: takie wywołanie zostałoby odrzucone.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation does not mark this method as administrative, although the app expects it to need an Administrative Consumer Key.</source>
        <translation>Instalacja nie oznacza tej metody jako administracyjnej, choć program oczekuje, że wymaga ona administracyjnego klucza konsumenta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation does not list the field &apos;{name}&apos;, so the app cannot learn {what}.</source>
        <translation>Instalacja nie wymienia pola „{name}”, więc program nie może się dowiedzieć, {what}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The installation&apos;s description of the answer does not mention &apos;{name}&apos;, which the app reads: {consequence}</source>
        <translation>Opis odpowiedzi w tej instalacji nie wspomina o „{name}”, które program odczytuje: {consequence}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation documents no per-recipient statuses for this method, so for every finished message the app also asks check_message_status (one request per message).</source>
        <translation>Instalacja nie opisuje statusów poszczególnych odbiorców dla tej metody, więc o każdą zakończoną wiadomość program pyta dodatkowo metodą check_message_status (jedno zapytanie na wiadomość).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Neither status method documents per-recipient statuses here: a finished message may be shown as &quot;finished — USOS gave no details&quot;.</source>
        <translation>Żadna z metod statusu nie opisuje tu statusów poszczególnych odbiorców: zakończona wiadomość może zostać pokazana jako „zakończona — USOS nie podał szczegółów”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>send single messages and tests</source>
        <translation>wysyłać pojedyncze wiadomości i testy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send campaigns in messages mode</source>
        <translation>wysyłać kampanie w trybie wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send campaigns in template mode</source>
        <translation>wysyłać kampanie w trybie szablonu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the detailed status of a message</source>
        <translation>odczytać szczegółowy status wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the statuses of a campaign</source>
        <translation>odczytać statusy kampanii</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the mail queue</source>
        <translation>odczytać kolejkę poczty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>how many messages wait in the queue</source>
        <translation>ile wiadomości czeka w kolejce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>how many of your messages wait in the queue</source>
        <translation>ile Twoich wiadomości czeka w kolejce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that the mail daemon has stopped</source>
        <translation>że usługa wysyłania poczty stanęła</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the app may not recognise the new message&apos;s ID and will treat the send as uncertain.</source>
        <translation>program może nie rozpoznać identyfikatora nowej wiadomości i uzna wysyłkę za niepewną.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the app may not tell a finished message from a waiting one.</source>
        <translation>program może nie odróżnić zakończonej wiadomości od oczekującej.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/journal.py" line="+1385"/>
        <source>The journal {path} is damaged ({detail}), so it cannot be read. It was not changed: it still holds the record of what was sent. Keep a copy of it (and of the files beside it whose names begin the same), then restore it from a backup; to work meanwhile, move it elsewhere and the app starts a new, empty journal.</source>
        <translation>Dziennik {path} jest uszkodzony ({detail}), więc nie da się go odczytać. Nie został zmieniony: nadal zawiera zapis tego, co wysłano. Zachowaj jego kopię (i plików obok, których nazwy zaczynają się tak samo), a potem przywróć go z kopii zapasowej; aby tymczasem pracować, przenieś go gdzie indziej, a program założy nowy, pusty dziennik.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {path} cannot be read as a journal ({detail}): it is damaged, or it is not a usosmail journal. It was not changed. Keep a copy, then restore the journal from a backup, or move the file elsewhere to start a new one.</source>
        <translation>Pliku {path} nie da się odczytać jako dziennika ({detail}): jest uszkodzony albo nie jest dziennikiem usosmail. Nie został zmieniony. Zachowaj jego kopię, a potem przywróć dziennik z kopii zapasowej albo przenieś plik gdzie indziej, aby zacząć nowy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The journal {path} is empty (0 bytes): what it recorded is lost, usually by a copy that failed or a full disk. It was left as it is, and no new journal was made over it. Put back a copy if you have one (a backup of the data folder); if this computer never sent a campaign, delete the file and try again.</source>
        <translation>Dziennik {path} jest pusty (0 bajtów): to, co zapisywał, przepadło — zwykle przez nieudane kopiowanie albo pełny dysk. Zostawiono go bez zmian i nie założono w jego miejscu nowego dziennika. Przywróć kopię, jeśli ją masz (kopię zapasową folderu danych); jeśli z tego komputera nigdy nie wysłano kampanii, usuń plik i spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {path} is not a usosmail journal (it holds other data). It was not changed. Move it elsewhere, or set USOSMAIL_DATA_DIR to another folder, and try again.</source>
        <translation>Plik {path} nie jest dziennikiem usosmail (zawiera inne dane). Nie został zmieniony. Przenieś go gdzie indziej albo ustaw USOSMAIL_DATA_DIR na inny folder i spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal {path} lacks {what}, which this version needs: it was probably changed by another program or restored only in part. It was not changed. Keep a copy, then restore it from a backup, or move it elsewhere to start a new one.</source>
        <translation>W dzienniku {path} brakuje elementu, którego ta wersja potrzebuje ({what}): prawdopodobnie zmienił go inny program albo przywrócono go tylko częściowo. Nie został zmieniony. Zachowaj kopię, a potem przywróć go z kopii zapasowej albo przenieś gdzie indziej, aby zacząć nowy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The journal {path} holds a value this version does not understand ({what}): it may have been written by a newer version of usosmail-gui or changed by another program. It was not changed, and nothing is sent from it. Install the newest version, or restore the journal from a backup.</source>
        <translation>Dziennik {path} zawiera wartość, której ta wersja nie rozumie ({what}): mogła ją zapisać nowsza wersja usosmail-gui albo inny program. Dziennik nie został zmieniony i nic z niego nie jest wysyłane. Zainstaluj najnowszą wersję albo przywróć dziennik z kopii zapasowej.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The journal {path} was written by a newer version of usosmail-gui (journal format {version}; this version knows up to {known}). Install the newer version to use it. The journal was not changed.</source>
        <translation>Dziennik {path} zapisała nowsza wersja usosmail-gui (format dziennika {version}; ta wersja zna formaty do {known}). Zainstaluj nowszą wersję, aby go używać. Dziennik nie został zmieniony.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The journal {path} cannot be written ({why}), so nothing can be sent or changed. It is intact and was not changed. Make it writable again (or copy the data folder to a writable disk and set USOSMAIL_DATA_DIR to the copy), then try again.</source>
        <translation>Do dziennika {path} nie można zapisywać ({why}), więc nie da się niczego wysłać ani zmienić. Dziennik jest cały i nie został zmieniony. Przywróć możliwość zapisu (albo skopiuj folder danych na dysk z możliwością zapisu i ustaw USOSMAIL_DATA_DIR na tę kopię), a potem spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its folder or disk is read-only</source>
        <translation>jego folder lub dysk jest tylko do odczytu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is read-only</source>
        <translation>plik jest tylko do odczytu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk holding the journal {path} is full, so nothing more could be recorded. Free space on the disk, then try again.</source>
        <translation>Dysk, na którym jest dziennik {path}, jest pełny, więc nie dało się niczego więcej zapisać. Zwolnij miejsce na dysku, a potem spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal {path} could not be read or written ({detail}): the disk may be failing or disconnected. Check the disk, then try again.</source>
        <translation>Nie udało się odczytać ani zapisać dziennika {path} ({detail}): dysk może być uszkodzony lub odłączony. Sprawdź dysk, a potem spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal {path} is in use by another program that did not let go of it within 30 seconds. Try again in a moment.</source>
        <translation>Dziennik {path} jest używany przez inny program, który nie zwolnił go w ciągu 30 sekund. Spróbuj ponownie za chwilę.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal {path} cannot be opened ({detail}). It was not changed. Check that the data folder can be read, then try again.</source>
        <translation>Nie można otworzyć dziennika {path} ({detail}). Nie został zmieniony. Sprawdź, czy folder danych da się odczytać, a potem spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal {path} cannot use write-ahead logging (it is on a file system that does not support it, e.g. a network share). Set USOSMAIL_DATA_DIR to a folder on this computer&apos;s disk.</source>
        <translation>Dziennik {path} nie może używać zapisu z wyprzedzeniem (WAL): jest w systemie plików, który tego nie obsługuje, np. na udziale sieciowym. Ustaw USOSMAIL_DATA_DIR na folder na dysku tego komputera.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/letters/messages.py" line="+52"/>
        <source>The list has no gender column.</source>
        <translation>Lista nie ma kolumny płci.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{column}” is empty in this row.</source>
        <translation>W tym wierszu kolumna „{column}” jest pusta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{value}” in “{column}” is not a gender the app can read (K/M, kobieta/mężczyzna, F/M).</source>
        <translation>„{value}” w kolumnie „{column}” nie jest oznaczeniem płci, które program rozumie (K/M, kobieta/mężczyzna, F/M).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“{column}” is guessed from the first name “{name}”: “{value}”. Check it, or set this row&apos;s value.</source>
        <translation>„{column}” odgadnięto z imienia „{name}”: „{value}”. Sprawdź to albo wpisz wartość dla tego wiersza.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The gender cannot be told from the first name “{name}” (the dictionary of Polish first names does not have it, or has it for women and men).</source>
        <translation>Z imienia „{name}” nie da się ustalić płci (słownik polskich imion go nie zna albo zna je jako imię i żeńskie, i męskie).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The first name is empty too.</source>
        <translation>Imię też jest puste.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{column}” says “{value}”. Check it, or set this row&apos;s value.</source>
        <translation>„{column}” brzmi więc „{value}”. Sprawdź to albo wpisz wartość dla tego wiersza.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{name}” is not in the dictionary of Polish first names (or is a name of women and men), so “{column}” has it as written, not in the vocative. Check it, or set this row&apos;s value.</source>
        <translation>Imienia „{name}” nie ma w słowniku polskich imion (albo jest to imię i żeńskie, i męskie), więc „{column}” zawiera je w pisowni z listy, nie w wołaczu. Sprawdź to albo wpisz wartość dla tego wiersza.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The derived column “{column}” reads the column “{source}”, which the recipient list does not have. Choose another column, or remove the derived column.</source>
        <translation>Kolumna wyliczana „{column}” korzysta z kolumny „{source}”, której lista odbiorców nie ma. Wybierz inną kolumnę albo usuń kolumnę wyliczaną.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The derived column “{column}” has the name of a column of the list or of another derived column. Give it another name.</source>
        <translation>Kolumna wyliczana „{column}” ma nazwę kolumny z listy albo innej kolumny wyliczanej. Nadaj jej inną nazwę.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A derived column needs a name. Give it one.</source>
        <translation>Kolumna wyliczana musi mieć nazwę. Nadaj ją.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{column}” cannot be the name of a derived column: “{character}” has another meaning in placeholders. Give it a name without { } [ ] . : or !.</source>
        <translation>„{column}” nie może być nazwą kolumny wyliczanej: „{character}” ma w polach szablonu inne znaczenie. Nadaj jej nazwę bez { } [ ] . : i !.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The dictionary of Polish first names (Morfeusz 2) cannot be loaded ({detail}), and the derived column “{column}” needs it. Install usosmail-gui again (it brings the dictionary), or give the salutation a gender column.</source>
        <translation>Nie można wczytać słownika polskich imion (Morfeusz 2) ({detail}), a kolumna wyliczana „{column}” go potrzebuje. Zainstaluj usosmail-gui ponownie (instalacja zawiera słownik) albo wskaż zwrotowi kolumnę płci.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The line that lists each row in “{column}” (“{line}”) cannot be used: {detail} Correct the line.</source>
        <translation>Wiersza wyliczenia w kolumnie „{column}” („{line}”) nie można użyć: {detail} Popraw go.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This row&apos;s line in “{column}” cannot be put together ({detail}). Check the line and the row.</source>
        <translation>Nie da się złożyć wiersza wyliczenia „{column}” dla tego wiersza ({detail}). Sprawdź wzór wiersza i dane.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rows {rows} go to {address} in one message, but their “{column}” differs ({values}); the message uses row {first}&apos;s. Correct the cells if that is not right.</source>
        <translation>Wiersze {rows} trafiają do {address} w jednej wiadomości, ale różnią się wartością „{column}” ({values}); wiadomość używa wartości z wiersza {first}. Popraw komórki, jeśli to nie tak.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/core/recipients/isolated.py" line="+58"/>
        <source>{name} could not be read: the spreadsheet reader stopped on it ({detail}), so the file is probably damaged or far too large. Open it in Excel or LibreOffice and save it anew, or export the list again.</source>
        <translation>Nie udało się odczytać pliku {name}: program czytający arkusze przerwał pracę na tym pliku ({detail}), więc plik jest zapewne uszkodzony albo zdecydowanie zbyt duży. Otwórz go w programie Excel lub LibreOffice i zapisz ponownie albo wyeksportuj listę jeszcze raz.</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../usosmail_gui/ui/problems_panel.py" line="+69"/>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message text</source>
        <translation>Treść wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name</source>
        <translation>Nazwa nadawcy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender address</source>
        <translation>Adres nadawcy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary to</source>
        <translation>Podsumowanie do</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{part}, column “{column}”</source>
        <translation>{part}, kolumna „{column}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Column “{column}”</source>
        <translation>Kolumna „{column}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient list</source>
        <translation>Lista odbiorców</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write the braces twice</source>
        <translation>Podwój nawiasy klamrowe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the brace twice (as text)</source>
        <translation>Podwój nawias klamrowy (jako tekst)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the line breaks with spaces</source>
        <translation>Zamień podziały linii na spacje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the invisible control characters</source>
        <translation>Usuń niewidoczne znaki sterujące</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write {{{name}}} instead</source>
        <translation>Wpisz zamiast tego {{{name}}}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the conversion</source>
        <translation>Usuń konwersję</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the format</source>
        <translation>Usuń określenie formatu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the suggested correction</source>
        <translation>Zastosuj sugerowaną poprawkę</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Split at |: write “{cell}”</source>
        <translation>Podziel przy |: wpisz „{cell}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the comma with a dot: write “{cell}”</source>
        <translation>Zamień przecinek na kropkę: wpisz „{cell}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split into separate addresses: write “{cell}”</source>
        <translation>Podziel na osobne adresy: wpisz „{cell}”</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Ostrzeżenie</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not about one recipient: about the whole template or list.</source>
        <translation>Nie dotyczy jednego odbiorcy, lecz całego szablonu lub listy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row {row} of the spreadsheet</source>
        <translation>Wiersz {row} arkusza kalkulacyjnego</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Suggestion: {suggestion}</source>
        <translation>Sugestia: {suggestion}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Row</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Gdzie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Severity</source>
        <translation>Waga</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Row of the spreadsheet</source>
        <translation>Wiersz arkusza kalkulacyjnego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which text or column</source>
        <translation>Którego tekstu lub kolumny dotyczy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is wrong; click to see the place, double-click to go there</source>
        <translation>Co jest nie tak; kliknij, aby zobaczyć to miejsce, kliknij dwukrotnie, aby do niego przejść</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>&lt;b&gt;Problems&lt;/b&gt;</source>
        <translation>&lt;b&gt;Problemy&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of problems</source>
        <translation>Liczba problemów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the recipients</source>
        <translation>Sprawdzanie odbiorców</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking progress</source>
        <translation>Postęp sprawdzania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show which problems</source>
        <translation>Które problemy pokazać</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors and warnings</source>
        <translation>Błędy i ostrzeżenia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors only</source>
        <translation>Tylko błędy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings only</source>
        <translation>Tylko ostrzeżenia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fix</source>
        <translation>&amp;Popraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the selected problem</source>
        <translation>Popraw zaznaczony problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problemy</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Checking %Ln recipient(s)…</source>
        <translation>
            <numerusform>Sprawdzanie %Ln odbiorcy…</numerusform>
            <numerusform>Sprawdzanie %Ln odbiorców…</numerusform>
            <numerusform>Sprawdzanie %Ln odbiorców…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>Sprawdzanie…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln błąd</numerusform>
            <numerusform>%Ln błędy</numerusform>
            <numerusform>%Ln błędów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln ostrzeżenie</numerusform>
            <numerusform>%Ln ostrzeżenia</numerusform>
            <numerusform>%Ln ostrzeżeń</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The selected problem has no automatic fix.</source>
        <translation>Dla zaznaczonego problemu nie ma automatycznej poprawki.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fix: {what}</source>
        <translation>Popraw: {what}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to the problem</source>
        <translation>Przejdź do problemu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the message</source>
        <translation>Kopiuj opis problemu</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/received_view.py" line="+113"/>
        <source>stored in the journal</source>
        <translation>zapisana w dzienniku wysyłek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent to USOS</source>
        <translation>wysłana do USOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request ended</source>
        <translation>żądanie zakończone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enqueued by USOS</source>
        <translation>przyjęta do kolejki przez USOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain</source>
        <translation>niepewna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status checked</source>
        <translation>sprawdzono status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>zakończona</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the student of row {row} received</source>
        <translation>Co otrzymał student z wiersza {row}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign: {campaign}</source>
        <translation>Kampania: {campaign}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was sent: the row was left out.</source>
        <translation>Nic nie zostało wysłane: wiersz został pominięty.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message {number} of {count}</source>
        <translation>Wiadomość {number} z {count}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Message</source>
        <translation>Wiadomość</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one message for rows {rows} (the same address)</source>
        <translation>jedna wiadomość dla wierszy {rows} (ten sam adres)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not kept)</source>
        <translation>(nie zachowano)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>USOS message</source>
        <translation>Wiadomość w USOS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(the content was not kept)</source>
        <translation>(treść nie została zachowana)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Status history</source>
        <translation>Historia statusów</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>What a student received — campaign {id}</source>
        <translation>Co otrzymał student – kampania {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a student received</source>
        <translation>Co otrzymał student</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Reading the journal…</source>
        <translation>Odczytywanie dziennika wysyłek…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Row number, address or name</source>
        <translation>Numer wiersza, adres albo nazwisko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a row</source>
        <translation>Znajdź wiersz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows of the campaign</source>
        <translation>Wiersze kampanii</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the student received</source>
        <translation>Co otrzymał student</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drukuj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print what the student received</source>
        <translation>Wydrukuj, co otrzymał student</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>Zapisz jako P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save what the student received as a PDF file</source>
        <translation>Zapisz to, co otrzymał student, jako plik PDF</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n row(s) in the campaign: choose one.</source>
        <translation>
            <numerusform>%n wiersz w kampanii: wybierz go.</numerusform>
            <numerusform>%n wiersze w kampanii: wybierz jeden.</numerusform>
            <numerusform>%n wierszy w kampanii: wybierz jeden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Row {row}: {addresses}</source>
        <translation>Wiersz {row}: {addresses}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (left out)</source>
        <translation> (pominięty)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading row {row}…</source>
        <translation>Odczytywanie wiersza {row}…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Row {row}: %n message(s), exactly as sent.</source>
        <translation>
            <numerusform>Wiersz {row}: %n wiadomość, dokładnie taka, jak wysłana.</numerusform>
            <numerusform>Wiersz {row}: %n wiadomości, dokładnie takie, jak wysłane.</numerusform>
            <numerusform>Wiersz {row}: %n wiadomości, dokładnie takie, jak wysłane.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Row {row} was left out: nothing was sent.</source>
        <translation>Wiersz {row} został pominięty: nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The journal cannot be read: {error}</source>
        <translation>Nie można odczytać dziennika wysyłek: {error}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Campaign {id}, row {row}</source>
        <translation>Kampania {id}, wiersz {row}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Save as PDF</source>
        <translation>Zapisz jako PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF file (*.pdf)</source>
        <translation>Plik PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing {path}…</source>
        <translation>Zapisywanie {path}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved as {path}.</source>
        <translation>Zapisano jako {path}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PDF could not be written ({error}).</source>
        <translation>Nie udało się zapisać pliku PDF ({error}).</translation>
    </message>
</context>
<context>
    <name>RecentList</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/recent.py" line="+126"/>
        <source>{entry} (not found)</source>
        <translation>{entry} (nie znaleziono)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is no longer there: moved, renamed or on a drive not connected.</source>
        <translation>Tego pliku już tam nie ma: został przeniesiony, zmieniono jego nazwę albo jest na dysku, który nie jest podłączony.</translation>
    </message>
</context>
<context>
    <name>RecentMenus</name>
    <message>
        <location line="+56"/>
        <source>Open Recent Te&amp;mplate</source>
        <translation>Ostatnio otwierane szab&amp;lony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Wyczyść listę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no files opened yet)</source>
        <translation>(nie otwarto jeszcze żadnych plików)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no templates opened yet)</source>
        <translation>(nie otwarto jeszcze żadnych szablonów)</translation>
    </message>
</context>
<context>
    <name>RecipientCheck</name>
    <message>
        <location filename="../../usosmail_gui/ui/recipient_check.py" line="+128"/>
        <source>The recipients could not be checked ({error}).</source>
        <translation>Nie udało się sprawdzić odbiorców ({error}).</translation>
    </message>
</context>
<context>
    <name>RecipientPane</name>
    <message>
        <location filename="../../usosmail_gui/ui/recipients_view.py" line="+197"/>
        <source>Find in the list</source>
        <translation>Znajdź na liście</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search the list ({shortcut})</source>
        <translation>Szukaj na liście ({shortcut})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search recipients</source>
        <translation>Szukaj odbiorców</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shows the rows holding every word you type, in any column; case and Polish letters do not matter.</source>
        <translation>Pokazuje wiersze zawierające każde z wpisanych słów, w dowolnej kolumnie; wielkość liter i polskie znaki nie mają znaczenia.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Rows shown</source>
        <translation>Pokazane wiersze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source of the list</source>
        <translation>Źródło listy</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&amp;E-mail column:</source>
        <translation>&amp;Kolumna z adresami e-mail:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>E-mail column</source>
        <translation>Kolumna z adresami e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The column that holds the recipients&apos; addresses.</source>
        <translation>Kolumna zawierająca adresy odbiorców.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet and header row…</source>
        <translation>Arkusz i wiersz nagłówka…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet and header row</source>
        <translation>Arkusz i wiersz nagłówka</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the sheet, the header row and the e-mail column, and read the file again.</source>
        <translation>Wybierz arkusz, wiersz nagłówka i kolumnę z adresami e-mail, a potem wczytaj plik ponownie.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>E-mail column warning</source>
        <translation>Ostrzeżenie dotyczące kolumny z adresami e-mail</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Open a spreadsheet: File ▸ Open… or drag it here</source>
        <translation>Otwórz arkusz kalkulacyjny: Plik ▸ Otwórz… lub przeciągnij go tutaj</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No recipient list</source>
        <translation>Brak listy odbiorców</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Open a spreadsheet…</source>
        <translation>Otwórz arkusz kalkulacyjny…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open a spreadsheet</source>
        <translation>Otwórz arkusz kalkulacyjny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients</source>
        <translation>Odbiorcy</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Include the selected rows</source>
        <translation>Uwzględnij zaznaczone wiersze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclude the selected rows</source>
        <translation>Wyklucz zaznaczone wiersze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the edit of this cell</source>
        <translation>Cofnij zmianę w tej komórce</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking addresses</source>
        <translation>Sprawdzanie adresów</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>sheet “{sheet}”</source>
        <translation>arkusz „{sheet}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tab</source>
        <translation>tabulator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{encoding}, separated by {delimiter}</source>
        <translation>{encoding}, separator: {delimiter}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{alternative} would read other letters (Sheet and header row…)</source>
        <translation>kodowanie {alternative} dałoby inne litery (Arkusz i wiersz nagłówka…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no header row (columns named by their letters)</source>
        <translation>bez wiersza nagłówka (kolumny oznaczone literami)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>header in row {row} (found automatically)</source>
        <translation>nagłówek w wierszu {row} (wykryty automatycznie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>header in row {row}</source>
        <translation>nagłówek w wierszu {row}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+216"/>
        <source>(none)</source>
        <translation>(brak)</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>No column of e-mail addresses was found. Choose the column that holds them here.</source>
        <translation>Nie znaleziono kolumny z adresami e-mail. Wybierz tutaj kolumnę, która je zawiera.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln wiersz</numerusform>
            <numerusform>%Ln wiersze</numerusform>
            <numerusform>%Ln wierszy</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shown} of {total} rows shown</source>
        <translation>Pokazane wiersze: {shown} z {total}</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Checking the addresses in “{column}”…</source>
        <translation>Sprawdzanie adresów w kolumnie „{column}”…</translation>
    </message>
</context>
<context>
    <name>RecipientTableModel</name>
    <message>
        <location filename="../../usosmail_gui/ui/sheet_cells.py" line="+86"/>
        <source>Row {row} is hidden in the sheet.</source>
        <translation>Wiersz {row} jest ukryty w arkuszu.</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/recipients_model.py" line="+441"/>
        <location line="+12"/>
        <source>Send</source>
        <translation>Wyślij</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untick a row to leave it out: nothing is sent to it.</source>
        <translation>Odznacz wiersz, aby go pominąć: nic nie zostanie do niego wysłane.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each row&apos;s delivery status in the campaign shown under Statuses.</source>
        <translation>Status doręczenia każdego wiersza w kampanii pokazanej w panelu „Statusy”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems</source>
        <translation>Problemy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is wrong with the row; point at a row&apos;s problem for the details.</source>
        <translation>Co jest nie tak z wierszem; najedź kursorem na problem wiersza, aby zobaczyć szczegóły.</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/resume_dialog.py" line="+136"/>
        <location line="+7"/>
        <source>Interrupted campaigns</source>
        <translation>Przerwane kampanie</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>These campaigns were not finished. Nothing was lost: every recipient is recorded in the journal, and those never sent can be sent now.</source>
        <translation>Te kampanie nie zostały dokończone. Nic nie przepadło: każdy odbiorca jest zapisany w dzienniku wysyłek, a do tych, do których jeszcze nic nie wysłano, można wysłać wiadomość teraz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Campaign details</source>
        <translation>Szczegóły kampanii</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncertain recipients</source>
        <translation>Odbiorcy o niepewnym statusie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their request was under way when the connection failed or the app stopped, so USOS may already have their message. Tick only those you are sure did not get it: they will be sent again. Unticked ones are not sent.</source>
        <translation>Żądanie z ich wiadomością było w toku, gdy połączenie zostało przerwane lub program się zatrzymał, więc USOS mógł już przyjąć tę wiadomość. Zaznacz tylko tych, którzy na pewno jej nie dostali: zostanie do nich wysłana ponownie. Do niezaznaczonych nic nie zostanie wysłane.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uncertain recipients to send again</source>
        <translation>Odbiorcy o niepewnym statusie do ponownej wysyłki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it cannot be resumed now</source>
        <translation>Dlaczego nie można teraz wznowić</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Połącz…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to the campaign&apos;s installation</source>
        <translation>Połącz z instalacją, w której rozpoczęto kampanię</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the key and secret of the campaign&apos;s installation; the campaign is resumed after.</source>
        <translation>Podaj klucz i sekret instalacji, w której rozpoczęto kampanię; potem kampania zostanie wznowiona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Wznów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave uncertain as they are</source>
        <translation>&amp;Pozostaw niepewne bez zmian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave uncertain as they are</source>
        <translation>Pozostaw niepewne bez zmian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record that the uncertain recipients are not to be sent again; the campaign stops asking.</source>
        <translation>Zapisuje, że do odbiorców o niepewnym statusie nie należy wysyłać ponownie; program przestanie pytać o tę kampanię.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close campaign…</source>
        <translation>&amp;Zamknij kampanię…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the campaign</source>
        <translation>Zamknij kampanię</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End this campaign: nothing more of it will be sent, and it is not offered again. Uncertain recipients stay listed as uncertain.</source>
        <translation>Zakończ tę kampanię: nic więcej z niej nie zostanie wysłane i program nie będzie jej więcej proponował. Odbiorcy o niepewnym statusie pozostaną na liście jako niepewni.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Later</source>
        <translation>Później</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave everything as it is; the app asks again at the next start.</source>
        <translation>Pozostawia wszystko bez zmian; program zapyta ponownie przy następnym uruchomieniu.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source> (test)</source>
        <translation> (testowa)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{date}{test} · “{subject}” · %n message(s)</source>
        <translation>
            <numerusform>{date}{test} · „{subject}” · %n wiadomość</numerusform>
            <numerusform>{date}{test} · „{subject}” · %n wiadomości</numerusform>
            <numerusform>{date}{test} · „{subject}” · %n wiadomości</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No campaign is interrupted: nothing is waiting to be sent.</source>
        <translation>Żadna kampania nie została przerwana: nic nie czeka na wysłanie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Campaign {id}, started {date}</source>
        <translation>Kampania {id}, rozpoczęta {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject: {subject}</source>
        <translation>Temat: {subject}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installation: {url}</source>
        <translation>Instalacja: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So far: {counts}</source>
        <translation>Dotychczas: {counts}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Never sent (Resume sends them): %Ln recipient(s)</source>
        <translation>
            <numerusform>Nic jeszcze nie wysłano do %Ln odbiorcy (zrobi to przycisk „Wznów”)</numerusform>
            <numerusform>Nic jeszcze nie wysłano do %Ln odbiorców (zrobi to przycisk „Wznów”)</numerusform>
            <numerusform>Nic jeszcze nie wysłano do %Ln odbiorców (zrobi to przycisk „Wznów”)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>row {row}: {addresses}</source>
        <translation>wiersz {row}: {addresses}</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Uncertain recipients (%n)</source>
        <translation>
            <numerusform>Odbiorcy o niepewnym statusie (%n)</numerusform>
            <numerusform>Odbiorcy o niepewnym statusie (%n)</numerusform>
            <numerusform>Odbiorcy o niepewnym statusie (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>&amp;Resume: send %Ln message(s)</source>
        <translation>
            <numerusform>&amp;Wznów: wyślij %Ln wiadomość</numerusform>
            <numerusform>&amp;Wznów: wyślij %Ln wiadomości</numerusform>
            <numerusform>&amp;Wznów: wyślij %Ln wiadomości</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Resume: send %Ln message(s)</source>
        <translation>
            <numerusform>Wznów: wyślij %Ln wiadomość</numerusform>
            <numerusform>Wznów: wyślij %Ln wiadomości</numerusform>
            <numerusform>Wznów: wyślij %Ln wiadomości</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResumeFlow</name>
    <message numerus="yes">
        <location filename="../../usosmail_gui/ui/window/resume_flow.py" line="+129"/>
        <source>%n campaign(s) were interrupted: see the Interrupted campaigns window.</source>
        <translation>
            <numerusform>%n kampania została przerwana: zobacz okno Przerwane kampanie.</numerusform>
            <numerusform>%n kampanie zostały przerwane: zobacz okno Przerwane kampanie.</numerusform>
            <numerusform>%n kampanii zostało przerwanych: zobacz okno Przerwane kampanie.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+8"/>
        <source>The journal cannot be read</source>
        <translation>Nie można odczytać dziennika wysyłek</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>You can go on working: open the list, write and save the template. Sending and the campaign history wait until the journal can be used again.</source>
        <translation>Możesz pracować dalej: otworzyć listę, napisać i zapisać szablon. Wysyłka i historia kampanii poczekają, aż dziennik znów będzie można używać.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot resume yet</source>
        <translation>Nie można jeszcze wznowić</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A campaign is being sent now. Resume this one when that one has finished.</source>
        <translation>Trwa wysyłanie innej kampanii. Wznów tę, gdy tamta się zakończy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key for {installation} is not saved on this computer (without a keyring it is kept only until the app closes). Connect to {installation} to resume: Connect… asks for its key and secret, then the campaign resumes. Nothing was sent.</source>
        <translation>Klucz do {installation} nie jest zapisany na tym komputerze (bez pęku kluczy jest pamiętany tylko do zamknięcia programu). Aby wznowić, połącz się z {installation}: „Połącz…” poprosi o klucz i sekret, a potem kampania zostanie wznowiona. Nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This campaign was started on {installation}. Connect to it first (Connect…), then it resumes. Nothing was sent.</source>
        <translation>Tę kampanię rozpoczęto w {installation}. Najpierw połącz się z tą instalacją („Połącz…”), a potem kampania zostanie wznowiona. Nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This campaign was started on {installation}, but the window is connected to {url}. Connect to {installation} (Connect…) to resume it. Nothing was sent.</source>
        <translation>Tę kampanię rozpoczęto w {installation}, a okno jest połączone z {url}. Aby ją wznowić, połącz się z {installation} („Połącz…”). Nic nie zostało wysłane.</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n uncertain recipient(s) of campaign {id} left as they are.</source>
        <translation>
            <numerusform>%n niepewny odbiorca kampanii {id} pozostaje bez zmian.</numerusform>
            <numerusform>%n niepewni odbiorcy kampanii {id} pozostają bez zmian.</numerusform>
            <numerusform>%n niepewnych odbiorców kampanii {id} pozostaje bez zmian.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Close the campaign</source>
        <translation>Zamknij kampanię</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close campaign {id}? Nothing more of it will be sent.</source>
        <translation>Zamknąć kampanię {id}? Nic więcej z niej nie zostanie wysłane.</translation>
    </message>
    <message numerus="yes">
        <location line="-18"/>
        <source>%Ln recipient(s) never sent will not get this message.</source>
        <translation>
            <numerusform>%Ln odbiorca, do którego nic jeszcze nie wysłano, nie dostanie tej wiadomości.</numerusform>
            <numerusform>%Ln odbiorcy, do których nic jeszcze nie wysłano, nie dostaną tej wiadomości.</numerusform>
            <numerusform>%Ln odbiorców, do których nic jeszcze nie wysłano, nie dostanie tej wiadomości.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln uncertain recipient(s) stay listed as uncertain: they may or may not have it.</source>
        <translation>
            <numerusform>%Ln odbiorca o niepewnym statusie pozostanie na liście jako niepewny: mógł ją dostać albo nie.</numerusform>
            <numerusform>%Ln odbiorcy o niepewnym statusie pozostaną na liście jako niepewni: mogli ją dostać albo nie.</numerusform>
            <numerusform>%Ln odbiorców o niepewnym statusie pozostanie na liście jako niepewni: mogli ją dostać albo nie.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The campaign is not offered here again. Campaigns… still shows it, as closed, with its statuses and report. To write to its students again, send a new campaign.</source>
        <translation>Program nie będzie już tu proponował tej kampanii. Okno Kampanie… nadal ją pokazuje, jako zamkniętą, ze statusami i raportem. Aby znów napisać do jej studentów, wyślij nową kampanię.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Close campaign</source>
        <translation>&amp;Zamknij kampanię</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Campaign {id} is closed: nothing more of it will be sent.</source>
        <translation>Kampania {id} jest zamknięta: nic więcej z niej nie zostanie wysłane.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Campaign {id} is being sent right now (in this window or another): it can be closed once that has stopped. Nothing was changed.</source>
        <translation>Kampania {id} jest właśnie wysyłana (w tym lub innym oknie): można ją zamknąć, gdy wysyłanie się zatrzyma. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The campaign was not closed</source>
        <translation>Kampania nie została zamknięta</translation>
    </message>
</context>
<context>
    <name>RowPreview</name>
    <message>
        <location filename="../../usosmail_gui/ui/row_preview.py" line="+74"/>
        <source>No recipient list is open: placeholders are shown as written. Open a list to see each recipient&apos;s message.</source>
        <translation>Nie otwarto listy odbiorców: pola są pokazane tak, jak je wpisano. Otwórz listę, aby zobaczyć wiadomość dla każdego odbiorcy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This row is unticked, so it is in no message. Tick it to see its message.</source>
        <translation>Ten wiersz jest odznaczony, więc nie należy do żadnej wiadomości. Zaznacz go, aby zobaczyć jego wiadomość.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a recipient in the list to see their message.</source>
        <translation>Wybierz odbiorcę na liście, aby zobaczyć jego wiadomość.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This message cannot be sent: {reason}</source>
        <translation>Tej wiadomości nie można wysłać: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The template has errors (see Problems), so nothing can be sent yet. This is what the recipient would get.</source>
        <translation>Szablon zawiera błędy (zob. panel „Problemy”), więc na razie nie można nic wysłać. Tak wyglądałaby wiadomość dla odbiorcy.</translation>
    </message>
</context>
<context>
    <name>SandboxMailbox</name>
    <message>
        <location filename="../../usosmail_gui/ui/sandbox_mailbox.py" line="+159"/>
        <source>Sandbox mailbox</source>
        <translation>Skrzynka piaskownicy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The messages the sandbox delivered, newest first: exactly what the students would receive. Nothing here left this computer.</source>
        <translation>Wiadomości doręczone przez piaskownicę, od najnowszych: dokładnie to, co otrzymaliby studenci. Nic z tego nie opuściło tego komputera.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delivered messages</source>
        <translation>Doręczone wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Otrzymano</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message as the student sees it</source>
        <translation>Wiadomość tak, jak widzi ją student</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message&apos;s plain text</source>
        <translation>Zwykły tekst wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Wiadomość</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Plain text</source>
        <translation>Zwykły tekst</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the mailbox again (new messages arrive as the sandbox delivers them)</source>
        <translation>Wczytaj skrzynkę ponownie (nowe wiadomości przychodzą, gdy piaskownica je doręcza)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>Otwórz folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the mailbox folder in the file manager</source>
        <translation>Pokaż folder skrzynki w menedżerze plików</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading the mailbox…</source>
        <translation>Wczytuję skrzynkę…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>USOS&apos;s delivery report: %1</source>
        <translation>Raport doręczenia z USOS: %1</translation>
    </message>
    <message numerus="yes">
        <location line="-13"/>
        <source>%n message(s) delivered by the sandbox.</source>
        <translation>
            <numerusform>Piaskownica doręczyła %n wiadomość.</numerusform>
            <numerusform>Piaskownica doręczyła %n wiadomości.</numerusform>
            <numerusform>Piaskownica doręczyła %n wiadomości.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No messages yet: send a test or a campaign through the sandbox, then refresh.</source>
        <translation>Na razie brak wiadomości: wyślij test lub kampanię przez piaskownicę, a potem odśwież.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>From:</source>
        <translation>Od:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>Do:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject:</source>
        <translation>Temat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>HTML source</source>
        <translation>Źródło HTML</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The mailbox could not be read: %1</source>
        <translation>Nie udało się wczytać skrzynki: %1</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/send_dialog.py" line="-14"/>
        <source>No address</source>
        <translation>Brak adresu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid address</source>
        <translation>Nieprawidłowy adres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address repeated in another row</source>
        <translation>Adres powtórzony w innym wierszu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several addresses in one cell</source>
        <translation>Kilka adresów w jednej komórce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No e-mail column</source>
        <translation>Brak kolumny z adresami e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unticked in the list</source>
        <translation>Odznaczone na liście</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A placeholder&apos;s cell is empty</source>
        <translation>Pusta komórka dla pola szablonu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject too long</source>
        <translation>Za długi temat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message too long</source>
        <translation>Za długa treść wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line break in the subject</source>
        <translation>Podział wiersza w temacie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invisible control character in a cell</source>
        <translation>Niewidoczny znak sterujący w komórce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message cannot be made</source>
        <translation>Nie można utworzyć wiadomości</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Send again</source>
        <translation>Wyślij ponownie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send the campaign</source>
        <translation>Wyślij kampanię</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preparation state</source>
        <translation>Stan przygotowania</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking the recipients</source>
        <translation>Sprawdzanie odbiorców</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows of the list</source>
        <translation>Wiersze listy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The search does not limit who receives</source>
        <translation>Wyszukiwanie nie ogranicza odbiorców</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recipients</source>
        <translation>Odbiorcy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installation</source>
        <translation>Instalacja USOS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender</source>
        <translation>Nadawca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject of the first recipient</source>
        <translation>Temat dla pierwszego odbiorcy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests</source>
        <translation>Żądania</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows:</source>
        <translation>Wiersze:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients:</source>
        <translation>Odbiorcy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through:</source>
        <translation>Za pośrednictwem:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender:</source>
        <translation>Nadawca:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject:</source>
        <translation>Temat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests:</source>
        <translation>Żądania:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Excluded rows</source>
        <translation>Wykluczone wiersze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excluded rows and why</source>
        <translation>Wykluczone wiersze i powody</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Powód</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>How to send</source>
        <translation>Sposób wysyłki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Messages (recommended)</source>
        <translation>&amp;Gotowe wiadomości (zalecane)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages mode</source>
        <translation>Tryb gotowych wiadomości</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app makes each message itself: every recipient gets exactly what the preview shows, from the sender set in the template.</source>
        <translation>Program sam tworzy każdą wiadomość: każdy odbiorca dostaje dokładnie to, co pokazuje podgląd, od nadawcy ustawionego w szablonie.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>USOS fills in the template; only the columns it uses leave this computer. A row with several addresses becomes one message per address. USOS sends every message from its &quot;USOS Notifier&quot; address: the sender name and address are not used.</source>
        <translation>USOS wypełnia szablon; z tego komputera wychodzą tylko kolumny, których szablon używa. Wiersz z kilkoma adresami staje się osobną wiadomością do każdego adresu. USOS wysyła każdą wiadomość ze swojego adresu „USOS Notifier”: nazwa i adres nadawcy nie są używane.</translation>
    </message>
    <message numerus="yes">
        <location line="+143"/>
        <source>Checking the recipients: {done} of %Ln…</source>
        <translation>
            <numerusform>Sprawdzanie odbiorców: {done} z %Ln…</numerusform>
            <numerusform>Sprawdzanie odbiorców: {done} z %Ln…</numerusform>
            <numerusform>Sprawdzanie odbiorców: {done} z %Ln…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+124"/>
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… i jeszcze %Ln</numerusform>
            <numerusform>… i jeszcze %Ln</numerusform>
            <numerusform>… i jeszcze %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location line="-271"/>
        <source>&amp;Template</source>
        <translation>&amp;Szablon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template mode</source>
        <translation>Tryb szablonu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Advanced</source>
        <translation>Zaawansowane</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages per request</source>
        <translation>Liczba wiadomości w żądaniu</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>How many messages go in one request to USOS (default %n).</source>
        <translation>
            <numerusform>Ile wiadomości trafia do USOS w jednym żądaniu (domyślnie %n).</numerusform>
            <numerusform>Ile wiadomości trafia do USOS w jednym żądaniu (domyślnie %n).</numerusform>
            <numerusform>Ile wiadomości trafia do USOS w jednym żądaniu (domyślnie %n).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Messages per &amp;request:</source>
        <translation>&amp;Liczba wiadomości w żądaniu:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why nothing can be sent</source>
        <translation>Dlaczego nie można nic wysłać</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirm sending</source>
        <translation>Potwierdzenie wysyłki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send stays disabled until you tick this.</source>
        <translation>Przycisk wysyłania pozostaje nieaktywny, dopóki nie zaznaczysz tego pola.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Send</source>
        <translation>&amp;Wyślij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Wyślij</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Preparing the messages…</source>
        <translation>Przygotowywanie wiadomości…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Check what will be sent, then confirm.</source>
        <translation>Sprawdź, co zostanie wysłane, a potem potwierdź.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln wiadomość</numerusform>
            <numerusform>%Ln wiadomości</numerusform>
            <numerusform>%Ln wiadomości</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>to %Ln recipient(s)</source>
        <translation>
            <numerusform>do %Ln odbiorcy</numerusform>
            <numerusform>do %Ln odbiorców</numerusform>
            <numerusform>do %Ln odbiorców</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the USOS Notifier address: in template mode USOS sends every message from it, so students do not see the sender name and address set in the template</source>
        <translation>adres USOS Notifier: w trybie szablonu USOS wysyła z niego każdą wiadomość, więc studenci nie zobaczą nazwy i adresu nadawcy ustawionych w szablonie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>USOS&apos;s default sender (no sender name given)</source>
        <translation>Domyślny nadawca USOS (nie podano nazwy nadawcy)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{subject}   (row {row}, the first recipient)</source>
        <translation>{subject}   (wiersz {row}, pierwszy odbiorca)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln żądanie</numerusform>
            <numerusform>%Ln żądania</numerusform>
            <numerusform>%Ln żądań</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>of up to %Ln message(s)</source>
        <translation>
            <numerusform>po maks. %Ln wiadomości</numerusform>
            <numerusform>po maks. %Ln wiadomości</numerusform>
            <numerusform>po maks. %Ln wiadomości</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>I have checked the preview and want to send %Ln message(s)</source>
        <translation>
            <numerusform>Podgląd jest sprawdzony — chcę wysłać %Ln wiadomość</numerusform>
            <numerusform>Podgląd jest sprawdzony — chcę wysłać %Ln wiadomości</numerusform>
            <numerusform>Podgląd jest sprawdzony — chcę wysłać %Ln wiadomości</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>&amp;Send %Ln message(s)</source>
        <translation>
            <numerusform>&amp;Wyślij %Ln wiadomość</numerusform>
            <numerusform>&amp;Wyślij %Ln wiadomości</numerusform>
            <numerusform>&amp;Wyślij %Ln wiadomości</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Send %Ln message(s)</source>
        <translation>
            <numerusform>Wyślij %Ln wiadomość</numerusform>
            <numerusform>Wyślij %Ln wiadomości</numerusform>
            <numerusform>Wyślij %Ln wiadomości</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the failed recipients of an earlier campaign</source>
        <translation>odbiorcy wcześniejszej kampanii, do których wysyłka się nie powiodła</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln row(s) will receive</source>
        <translation>
            <numerusform>%Ln wiersz otrzyma wiadomość</numerusform>
            <numerusform>%Ln wiersze otrzymają wiadomość</numerusform>
            <numerusform>%Ln wierszy otrzyma wiadomość</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{receiving} of {rows}</source>
        <translation>{receiving} — z {rows}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) of the list</source>
        <translation>
            <numerusform>%Ln wiersza listy</numerusform>
            <numerusform>%Ln wierszy listy</numerusform>
            <numerusform>%Ln wierszy listy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln left out</source>
        <translation>
            <numerusform>%Ln pominięty</numerusform>
            <numerusform>%Ln pominięte</numerusform>
            <numerusform>%Ln pominiętych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The list shows {shown} of {total} rows (a search hides the others), but the search does not limit who receives: every ticked row gets this message, shown or not. To send to some rows only, untick the others (or clear the search to see them all).</source>
        <translation>Lista pokazuje {shown} z {total} wierszy (pozostałe ukrywa wyszukiwanie), ale wyszukiwanie nie ogranicza odbiorców: wiadomość dostanie każdy zaznaczony wiersz, widoczny czy nie. Aby wysłać tylko do niektórych wierszy, odznacz pozostałe (albo wyczyść wyszukiwanie, by zobaczyć wszystkie).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending again to the failed and uncertain recipients of campaign {id}.</source>
        <translation>Ponowna wysyłka do tych odbiorców kampanii {id}, do których wysyłka się nie powiodła lub jej wynik jest niepewny.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending again to the failed recipients of campaign {id}.</source>
        <translation>Ponowna wysyłka do tych odbiorców kampanii {id}, do których wysyłka się nie powiodła.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Excluded: none — every row of the list gets the message.</source>
        <translation>Wykluczone wiersze: brak — wiadomość trafi do wszystkich wierszy listy.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Excluded: %Ln row(s) get nothing, for these reasons:</source>
        <translation>
            <numerusform>Wykluczono %Ln wiersz — nic do niego nie trafi. Powody:</numerusform>
            <numerusform>Wykluczono %Ln wiersze — nic do nich nie trafi. Powody:</numerusform>
            <numerusform>Wykluczono %Ln wierszy — nic do nich nie trafi. Powody:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing can be sent: the message has errors. They are listed under Problems; correct them and try again.</source>
        <translation>Nie można nic wysłać: wiadomość zawiera błędy. Są wymienione w panelu „Problemy”; popraw je i spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing can be sent: no row of the list can get this message (every row is unticked or has a problem, such as a missing, invalid or repeated address). The Problems list shows why; correct the list and try again.</source>
        <translation>Nie można nic wysłać: żaden wiersz listy nie może otrzymać tej wiadomości (każdy wiersz jest odznaczony albo ma problem, np. brakujący, nieprawidłowy lub powtórzony adres). Przyczyny widać w panelu „Problemy”; popraw listę i spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing can be sent: {reason}</source>
        <translation>Nie można nic wysłać: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This campaign cannot start.</source>
        <translation>Nie można rozpocząć tej kampanii.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to confirm</source>
        <translation>Nie ma czego potwierdzać</translation>
    </message>
</context>
<context>
    <name>SendFlow</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/send_flow.py" line="+116"/>
        <source>A campaign is being sent now. Wait for it to finish, or stop it, first.</source>
        <translation>Trwa wysyłanie kampanii. Najpierw zaczekaj, aż się zakończy, albo ją zatrzymaj.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A list of recipients is being opened. Wait until it is shown.</source>
        <translation>Trwa otwieranie listy odbiorców. Zaczekaj, aż zostanie wyświetlona.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a list of recipients first (File ▸ Open…).</source>
        <translation>Najpierw otwórz listę odbiorców (Plik ▸ Otwórz…).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to your university&apos;s USOS API first (Connection ▸ Connect…): the messages are sent through it.</source>
        <translation>Najpierw połącz się z USOS API swojej uczelni (Połączenie ▸ Połącz…): to właśnie przez USOS API wysyłane są wiadomości.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a recipient in the list: the test is their message, as the preview shows it.</source>
        <translation>Zaznacz odbiorcę na liście: jako test zostanie wysłana jego wiadomość, taka jak w podglądzie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another confirmation is open. Finish or cancel it first.</source>
        <translation>Otwarte jest już inne potwierdzenie. Najpierw je dokończ albo anuluj.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+29"/>
        <source>Cannot send yet</source>
        <translation>Nie można jeszcze wysłać</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nothing was sent</source>
        <translation>Nic nie zostało wysłane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection changed (or a campaign started) meanwhile. Open Send… again.</source>
        <translation>W międzyczasie zmieniło się połączenie (lub rozpoczęła się kampania). Wybierz ponownie Wysyłanie ▸ Wyślij…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking the connection before sending…</source>
        <translation>Sprawdzanie połączenia przed wysłaniem…</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+9"/>
        <source>Sending campaign {id}: {counts}</source>
        <translation>Wysyłanie kampanii {id}: {counts}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Test sent: row {row}&apos;s message to {address} (accepted by USOS).</source>
        <translation>Wysłano test: wiadomość z wiersza {row} na adres {address} (przyjęta przez USOS).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <source>The test message was not sent.</source>
        <translation>Wiadomość testowa nie została wysłana.</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source>The test message was not sent</source>
        <translation>Wiadomość testowa nie została wysłana</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Campaign {id} sent: {counts}.</source>
        <translation>Kampania {id} wysłana: {counts}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign {id} stopped (can be resumed): {counts}.</source>
        <translation>Kampania {id} zatrzymana (można ją wznowić): {counts}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sending could not run: see the Sending window.</source>
        <translation>Nie udało się uruchomić wysyłania: zobacz okno Wysyłanie.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+55"/>
        <source>Cannot send a test yet</source>
        <translation>Nie można jeszcze wysłać testu</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>“{text}” is not a valid e-mail address.</source>
        <translation>„{text}” nie jest prawidłowym adresem e-mail.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not an e-mail address</source>
        <translation>To nie jest adres e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a valid e-mail address, so nothing was sent.</source>
        <translation>„{text}” nie jest prawidłowym adresem e-mail, więc nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Sending row {row}&apos;s message to {address} as a test…</source>
        <translation>Wysyłanie testowe wiadomości z wiersza {row} na adres {address}…</translation>
    </message>
</context>
<context>
    <name>SendProgressDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/sending.py" line="+233"/>
        <source>Sending a test</source>
        <translation>Wysyłanie wiadomości testowej</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sending</source>
        <translation>Wysyłanie</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Checking the connection and storing the campaign…</source>
        <translation>Sprawdzanie połączenia i zapisywanie kampanii…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Sending state</source>
        <translation>Stan wysyłania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts</source>
        <translation>Liczby wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests</source>
        <translation>Żądania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>Pozostały czas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending progress</source>
        <translation>Postęp wysyłania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages:</source>
        <translation>Wiadomości:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests:</source>
        <translation>Żądania:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time:</source>
        <translation>Czas:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop waits for the request under way (it is never cut in half); what was not sent stays in the journal and can be resumed later.</source>
        <translation>Zatrzymanie czeka na zakończenie bieżącego żądania (nigdy nie jest przerywane w połowie); to, czego nie wysłano, zostaje w dzienniku wysyłek i można to później wznowić.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Summary</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused and uncertain recipients</source>
        <translation>Odbiorcy z wiadomościami odrzuconymi i niepewnymi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>Co się stało</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop sending</source>
        <translation>&amp;Zatrzymaj wysyłanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop sending</source>
        <translation>Zatrzymaj wysyłanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after the request under way; the rest can be resumed.</source>
        <translation>Zatrzymaj po zakończeniu bieżącego żądania; resztę można później wznowić.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>Za&amp;mknij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Stopping after the request under way…</source>
        <translation>Zatrzymywanie po zakończeniu bieżącego żądania…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopping after the request under way; the window closes then. Nothing is lost.</source>
        <translation>Zatrzymywanie po zakończeniu bieżącego żądania; potem okno się zamknie. Nic nie zostanie utracone.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending campaign {id}: “{subject}”</source>
        <translation>Wysyłanie kampanii {id}: „{subject}”</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+49"/>
        <source>starting…</source>
        <translation>rozpoczynanie…</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+49"/>
        <source>estimating…</source>
        <translation>szacowanie…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{done} of {total} done</source>
        <translation>ukończono {done} z {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{elapsed} so far</source>
        <translation>upłynęło: {elapsed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about {left} left ({elapsed} so far)</source>
        <translation>zostało ok. {left} (upłynęło: {elapsed})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Campaign {id}: sending finished.</source>
        <translation>Kampania {id}: wysyłanie zakończone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+70"/>
        <source>Campaign {id} stopped before the end.</source>
        <translation>Kampania {id} została zatrzymana przed końcem.</translation>
    </message>
    <message numerus="yes">
        <location line="-61"/>
        <source>{elapsed}, %n request(s)</source>
        <translation>
            <numerusform>{elapsed}, %n żądanie</numerusform>
            <numerusform>{elapsed}, %n żądania</numerusform>
            <numerusform>{elapsed}, %n żądań</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Refused by USOS (%n)</source>
        <translation>
            <numerusform>Odrzucone przez USOS (%n)</numerusform>
            <numerusform>Odrzucone przez USOS (%n)</numerusform>
            <numerusform>Odrzucone przez USOS (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Uncertain: may or may not have arrived (%n)</source>
        <translation>
            <numerusform>Niepewne: mogły dotrzeć lub nie (%n)</numerusform>
            <numerusform>Niepewne: mogły dotrzeć lub nie (%n)</numerusform>
            <numerusform>Niepewne: mogły dotrzeć lub nie (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not sent again</source>
        <translation>nie wysłano ponownie</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… i jeszcze %n</numerusform>
            <numerusform>… i jeszcze %n</numerusform>
            <numerusform>… i jeszcze %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing was sent.</source>
        <translation>Nic nie zostało wysłane.</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message numerus="yes">
        <location filename="../../usosmail_gui/ui/sending_texts.py" line="+38"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} godz. {m:02d} min</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%Ln accepted</source>
        <translation>
            <numerusform>%Ln przyjęta</numerusform>
            <numerusform>%Ln przyjęte</numerusform>
            <numerusform>%Ln przyjętych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln odrzucona</numerusform>
            <numerusform>%Ln odrzucone</numerusform>
            <numerusform>%Ln odrzuconych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln uncertain</source>
        <translation>
            <numerusform>%Ln niepewna</numerusform>
            <numerusform>%Ln niepewne</numerusform>
            <numerusform>%Ln niepewnych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln still to send</source>
        <translation>
            <numerusform>%Ln do wysłania</numerusform>
            <numerusform>%Ln do wysłania</numerusform>
            <numerusform>%Ln do wysłania</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is lost: Send ▸ Interrupted campaigns… sends the rest (the app also offers it at start).</source>
        <translation>Nic nie zostało utracone: Wysyłanie ▸ Przerwane kampanie… pozwala wysłać resztę (program zaproponuje to również przy następnym uruchomieniu).</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Sending was stopped. %Ln message(s) were not sent yet.</source>
        <translation>
            <numerusform>Wysyłanie zostało zatrzymane. %Ln wiadomość nie została jeszcze wysłana.</numerusform>
            <numerusform>Wysyłanie zostało zatrzymane. %Ln wiadomości nie zostały jeszcze wysłane.</numerusform>
            <numerusform>Wysyłanie zostało zatrzymane. %Ln wiadomości nie zostało jeszcze wysłanych.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>USOS could not be reached. Check the network connection, then resume.</source>
        <translation>Nie można połączyć się z USOS. Sprawdź połączenie sieciowe, a potem wznów wysyłanie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>USOS rejected the consumer key or secret. Check them (Connection ▸ Connect…) and this computer&apos;s clock, then resume.</source>
        <translation>USOS odrzucił klucz (consumer key) lub sekret (consumer secret). Sprawdź je (Połączenie ▸ Połącz…) oraz zegar tego komputera, a potem wznów wysyłanie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This key is not an administrative key, which sending mail requires. Ask your university&apos;s USOS API administrators for one, then resume.</source>
        <translation>To nie jest klucz administracyjny, a jest on wymagany do wysyłania poczty. Poproś administratorów USOS API swojej uczelni o taki klucz, a potem wznów wysyłanie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>USOS refused a request, so sending stopped. Try again later.</source>
        <translation>USOS odrzucił żądanie, więc wysyłanie zostało zatrzymane. Spróbuj ponownie później.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk holding the journal of sent messages is full, so sending stopped: nothing more was sent. Free space on the disk, then resume.</source>
        <translation>Dysk, na którym jest dziennik wysłanych wiadomości, jest pełny, więc wysyłka została zatrzymana: nic więcej nie wysłano. Zwolnij miejsce na dysku, a potem wznów wysyłkę.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The journal of sent messages could no longer be written, so sending stopped: nothing more was sent. Once it can be used again, resume.</source>
        <translation>Do dziennika wysłanych wiadomości nie dało się już zapisywać, więc wysyłka została zatrzymana: nic więcej nie wysłano. Gdy znów będzie można go używać, wznów wysyłkę.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Several requests in a row failed in a way that leaves their messages uncertain, so sending stopped before more became uncertain. Try again later.</source>
        <translation>Kilka żądań z rzędu nie powiodło się w sposób, który pozostawia ich wiadomości w stanie niepewnym, więc wysyłanie zatrzymano, zanim kolejne wiadomości stały się niepewne. Spróbuj ponownie później.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>All %Ln message(s) were accepted by USOS for delivery.</source>
        <translation>
            <numerusform>USOS przyjął do doręczenia całą wysyłkę: %Ln wiadomość.</numerusform>
            <numerusform>USOS przyjął do doręczenia całą wysyłkę: %Ln wiadomości.</numerusform>
            <numerusform>USOS przyjął do doręczenia całą wysyłkę: %Ln wiadomości.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%Ln of the campaign&apos;s messages were accepted by USOS for delivery.</source>
        <translation>
            <numerusform>USOS przyjął do doręczenia %Ln wiadomość kampanii.</numerusform>
            <numerusform>USOS przyjął do doręczenia %Ln wiadomości kampanii.</numerusform>
            <numerusform>USOS przyjął do doręczenia %Ln wiadomości kampanii.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln message(s) were refused by USOS: those recipients get nothing. The reasons are listed below; correct the addresses and send to them again.</source>
        <translation>
            <numerusform>USOS odrzucił %Ln wiadomość: jej odbiorca nic nie otrzyma. Powód podano poniżej; popraw adres i wyślij do tego odbiorcy ponownie.</numerusform>
            <numerusform>USOS odrzucił %Ln wiadomości: ich odbiorcy nic nie otrzymają. Powody podano poniżej; popraw adresy i wyślij do tych odbiorców ponownie.</numerusform>
            <numerusform>USOS odrzucił %Ln wiadomości: ich odbiorcy nic nie otrzymają. Powody podano poniżej; popraw adresy i wyślij do tych odbiorców ponownie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%Ln message(s) are uncertain: the connection failed while their request was under way, so USOS may or may not have them. They were not sent again, so nobody gets a message twice. Ask a few of those recipients (listed below) or the USOS administrators; to send some again, tick them in Send ▸ Interrupted campaigns….</source>
        <translation>
            <numerusform>%Ln wiadomość ma status niepewny: połączenie zostało przerwane, gdy żądanie z nią było w toku, więc USOS mógł ją przyjąć lub nie. Nie została wysłana ponownie, więc nikt nie dostanie wiadomości dwa razy. Zapytaj jej odbiorcę (jest wymieniony poniżej) lub administratorów USOS; aby wysłać ją ponownie, zaznacz ją w oknie Wysyłanie ▸ Przerwane kampanie…</numerusform>
            <numerusform>%Ln wiadomości mają status niepewny: połączenie zostało przerwane, gdy żądanie z nimi było w toku, więc USOS mógł je przyjąć lub nie. Nie zostały wysłane ponownie, więc nikt nie dostanie wiadomości dwa razy. Zapytaj kilku z tych odbiorców (są wymienieni poniżej) lub administratorów USOS; aby wysłać niektóre z nich ponownie, zaznacz je w oknie Wysyłanie ▸ Przerwane kampanie…</numerusform>
            <numerusform>%Ln wiadomości ma status niepewny: połączenie zostało przerwane, gdy żądanie z nimi było w toku, więc USOS mógł je przyjąć lub nie. Nie zostały wysłane ponownie, więc nikt nie dostanie wiadomości dwa razy. Zapytaj kilku z tych odbiorców (są wymienieni poniżej) lub administratorów USOS; aby wysłać niektóre z nich ponownie, zaznacz je w oknie Wysyłanie ▸ Przerwane kampanie…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing was stored or sent.</source>
        <translation>Nic nie zostało zapisane ani wysłane.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped before anything was stored or sent.</source>
        <translation>Zatrzymano, zanim cokolwiek zostało zapisane lub wysłane.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This campaign is being sent right now elsewhere (another window or a usosmail command). Nothing was changed here. Wait until it finishes, then look at Send ▸ Interrupted campaigns… again.</source>
        <translation>Ta kampania jest właśnie wysyłana gdzie indziej (w innym oknie lub poleceniem usosmail). Tutaj nic nie zmieniono. Zaczekaj, aż wysyłanie się zakończy, a potem ponownie otwórz Wysyłanie ▸ Przerwane kampanie…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This campaign is no longer in the journal. Nothing was sent.</source>
        <translation>Tej kampanii nie ma już w dzienniku wysyłek. Nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This campaign was closed (here, in another window or with usosmail close): nothing more of it is sent, and its uncertain recipients stay uncertain. Nothing was sent. To write to its students again, send a new campaign.</source>
        <translation>Ta kampania została zamknięta (tutaj, w innym oknie albo poleceniem usosmail close): nic więcej z niej nie jest wysyłane, a jej odbiorcy o niepewnym statusie pozostają niepewni. Nic nie zostało wysłane. Aby znów napisać do jej studentów, wyślij nową kampanię.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The journal of sent messages cannot be used, so nothing was sent.</source>
        <translation>Nie można użyć dziennika wysyłek, więc nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The message cannot be made, so nothing was sent.</source>
        <translation>Nie można utworzyć wiadomości, więc nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>USOS cannot be used from here, so nothing was sent.</source>
        <translation>Nie udało się skorzystać z USOS, więc nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This campaign belongs to another USOS installation than the one connected. Connect to its installation, then resume. Nothing was sent.</source>
        <translation>Ta kampania należy do innej instalacji USOS niż ta, z którą jest nawiązane połączenie. Połącz się z jej instalacją, a potem wznów wysyłanie. Nic nie zostało wysłane.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sending stopped because of an unexpected error. Whatever was sent is recorded in the journal; Send ▸ Interrupted campaigns… shows what is left.</source>
        <translation>Wysyłanie zatrzymało się z powodu nieoczekiwanego błędu. Wszystko, co zostało wysłane, jest zapisane w dzienniku wysyłek; Wysyłanie ▸ Przerwane kampanie… pokazuje, co zostało do wysłania.</translation>
    </message>
</context>
<context>
    <name>SheetDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/sheet_dialog.py" line="+74"/>
        <source>Sheet and header row — {name}</source>
        <translation>Arkusz i wiersz nagłówka — {name}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Read {name} again with these choices. The list loaded now stays until the new one is read.</source>
        <translation>Plik {name} zostanie wczytany ponownie z tymi ustawieniami. Obecna lista pozostanie do czasu wczytania nowej.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sheet</source>
        <translation>Arkusz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the list of sheets…</source>
        <translation>Odczytywanie listy arkuszy…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sheet list status</source>
        <translation>Stan listy arkuszy</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Find the header row automatically</source>
        <translation>Wykryj wiersz nagłówka automatycznie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first row that looks like column names, below any title rows; untick to choose it.</source>
        <translation>Pierwszy wiersz, który wygląda na nazwy kolumn (poniżej ewentualnych wierszy tytułowych); odznacz, aby wybrać go samodzielnie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header row</source>
        <translation>Wiersz nagłówka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: the sheet has no column names</source>
        <translation>Brak: arkusz nie ma nazw kolumn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number of the row that holds the column names, as the spreadsheet shows it.</source>
        <translation>Numer wiersza z nazwami kolumn, taki jak w arkuszu kalkulacyjnym.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Find the header row automatically (found: row {row})</source>
        <translation>Wykryj wiersz nagłówka automatycznie (wykryto: wiersz {row})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E-mail column</source>
        <translation>Kolumna z adresami e-mail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a column, or type a column&apos;s name or letter (e.g. D).</source>
        <translation>Wybierz kolumnę albo wpisz jej nazwę lub literę (np. D).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find automatically</source>
        <translation>Wykryj automatycznie</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Arkusz:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Header row:</source>
        <translation>&amp;Wiersz nagłówka:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;E-mail column:</source>
        <translation>&amp;Kolumna z adresami e-mail:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Read again</source>
        <translation>Wczytaj &amp;ponownie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the file again</source>
        <translation>Wczytaj plik ponownie</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Encoding</source>
        <translation>Kodowanie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the file&apos;s bytes become letters. Polish files come in UTF-8, Windows-1250 or ISO 8859-2; if names show odd characters (¬, Ľ, Ä…), choose another.</source>
        <translation>Sposób, w jaki bajty pliku stają się literami. Polskie pliki bywają w UTF-8, Windows-1250 lub ISO 8859-2; jeśli w nazwiskach widać dziwne znaki (¬, Ľ, Ä…), wybierz inne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find automatically (found: {encoding})</source>
        <translation>Wykryj automatycznie (wykryto: {encoding})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;ncoding:</source>
        <translation>K&amp;odowanie:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read as {alternative}, this file&apos;s letters would differ. Check a few names in the list; if they look wrong, read it as {alternative}.</source>
        <translation>Odczytany w kodowaniu {alternative} plik miałby inne litery. Sprawdź kilka nazwisk na liście; jeśli wyglądają źle, wczytaj go w kodowaniu {alternative}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read it as {alternative}</source>
        <translation>Wczytaj jako {alternative}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the file as {alternative}</source>
        <translation>Wczytaj plik w kodowaniu {alternative}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(a text file has a single sheet)</source>
        <translation>(plik tekstowy ma tylko jeden arkusz)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} (hidden)</source>
        <translation>{name} (ukryty)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(the sheet loaded now)</source>
        <translation>(obecnie wczytany arkusz)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The list of sheets could not be read.</source>
        <translation>Nie udało się odczytać listy arkuszy.</translation>
    </message>
</context>
<context>
    <name>SheetTooltips</name>
    <message>
        <location filename="../../usosmail_gui/ui/sheet_tooltips.py" line="+20"/>
        <source>“{name}” cannot be used in a template as written; write {placeholder} to insert this column.</source>
        <translation>Nazwy „{name}” nie można użyć w szablonie w tej postaci; wpisz {placeholder}, aby wstawić tę kolumnę.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write {placeholder} in the template to insert this column.</source>
        <translation>Wpisz {placeholder} w szablonie, aby wstawić tę kolumnę.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column {letter} of the spreadsheet.</source>
        <translation>Kolumna {letter} arkusza.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The e-mail addresses are taken from this column.</source>
        <translation>Z tej kolumny są pobierane adresy e-mail.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown (and sent) as stored, not as the sheet formats it; right-click the header to change it.</source>
        <translation>Pokazywane (i wysyłane) tak, jak zapisano, a nie tak, jak formatuje je arkusz; kliknij nagłówek prawym przyciskiem, aby to zmienić.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shown (and sent) as the sheet formats it; right-click the header to show the stored values instead.</source>
        <translation>Pokazywane (i wysyłane) tak, jak formatuje je arkusz; kliknij nagłówek prawym przyciskiem, aby pokazać zapisane wartości.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Some cells have a number format this app cannot show ({formats}): they show the stored value.</source>
        <translation>Niektóre komórki mają format liczbowy, którego program nie potrafi odtworzyć ({formats}): pokazują zapisaną wartość.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The sheet shows {error} here: the cell&apos;s formula failed. A message using this column would say {error}.</source>
        <translation>Arkusz pokazuje tu {error}: formuła w komórce zwróciła błąd. Wiadomość korzystająca z tej kolumny zawierałaby {error}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Taken from the merged cell above it: in the sheet, this cell is part of that one.</source>
        <translation>Wartość ze scalonej komórki powyżej: w arkuszu ta komórka jest jej częścią.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edited here; the file has “{original}”.</source>
        <translation>Zmieniono tutaj; w pliku jest „{original}”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edited here; this cell is empty in the file.</source>
        <translation>Zmieniono tutaj; w pliku ta komórka jest pusta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file itself is never changed.</source>
        <translation>Sam plik nigdy nie jest zmieniany.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hidden in the sheet, so left out: tick it to send to this row too.</source>
        <translation>Wiersz ukryty w arkuszu, więc pominięty: zaznacz go, aby wysłać również do niego.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Excluded: nothing is sent to this row.</source>
        <translation>Wykluczony: do tego wiersza nic nie zostanie wysłane.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Included: this row receives the message.</source>
        <translation>Uwzględniony: do tego wiersza zostanie wysłana wiadomość.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Included, but nothing can be sent to this row: see its problems.</source>
        <translation>Uwzględniony, ale do tego wiersza nie można nic wysłać: zobacz jego problemy.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/shortcuts.py" line="+76"/>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Polecenie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Klawisze</translation>
    </message>
</context>
<context>
    <name>StatusCells</name>
    <message>
        <location filename="../../usosmail_gui/ui/status_cells.py" line="+42"/>
        <source>not in the campaign</source>
        <translation>nie należy do kampanii</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>left out: {reason}</source>
        <translation>pominięty: {reason}</translation>
    </message>
</context>
<context>
    <name>StatusDock</name>
    <message>
        <location filename="../../usosmail_gui/ui/status_display.py" line="-91"/>
        <source>USOS gave the status “{value}”, which this app does not know.</source>
        <translation>USOS podał status „{value}”, którego program nie zna.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>waiting</source>
        <translation>oczekuje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>wysłana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>nieudana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain</source>
        <translation>niepewna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expired</source>
        <translation>wygasła</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not sent</source>
        <translation>niewysłana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished — asking for details</source>
        <translation>zakończona — pytam o szczegóły</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished — USOS gave no details</source>
        <translation>zakończona — USOS nie podał szczegółów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown status</source>
        <translation>nieznany status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left out</source>
        <translation>pominięty</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/ui/status_dock.py" line="+142"/>
        <source>Statuses</source>
        <translation>Statusy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message statuses</source>
        <translation>Statusy wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>Kampania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status counts</source>
        <translation>Liczba wiadomości według statusu</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+54"/>
        <source>Finished messages</source>
        <translation>Zakończone wiadomości</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Show:</source>
        <translation>Pokaż:</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Polling state</source>
        <translation>Stan sprawdzania statusów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail daemon warning</source>
        <translation>Ostrzeżenie o usłudze poczty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status of each recipient</source>
        <translation>Status każdego odbiorcy</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>No campaign is shown: send one, or open one from Campaigns…</source>
        <translation>Nie pokazano żadnej kampanii: wyślij wiadomości albo otwórz kampanię z okna Kampanie…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>All: {count}</source>
        <translation>Wszystkie: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: {count}</source>
        <translation>Oczekujące: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent: {count}</source>
        <translation>Wysłane: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: {count}</source>
        <translation>Nieudane: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncertain: {count}</source>
        <translation>Niepewne: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: {count}</source>
        <translation>Niewysłane: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left out: {count}</source>
        <translation>Pominięte: {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every recipient of the campaign.</source>
        <translation>Wszyscy odbiorcy kampanii.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted by USOS, not sent yet.</source>
        <translation>Przyjęte przez USOS, jeszcze niewysłane.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent by USOS.</source>
        <translation>Wysłane przez USOS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered (refused or failed), with the reason.</source>
        <translation>Niedostarczone (odrzucone albo nieudane), z przyczyną.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody can say whether these were sent: the app lost the answer, USOS forgot them, or said something unknown.</source>
        <translation>Nie wiadomo, czy zostały wysłane: aplikacja nie otrzymała odpowiedzi, USOS już ich nie pamięta albo podał nieznany stan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never sent: the campaign was interrupted before them.</source>
        <translation>Nigdy niewysłane: kampania została przerwana, zanim do nich doszła.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows of the list left out of the campaign (no or a repeated address…).</source>
        <translation>Wiersze listy pominięte w kampanii (brak adresu, powtórzony adres…).</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Campaign {id}: {subject}</source>
        <translation>Kampania {id}: {subject}</translation>
    </message>
</context>
<context>
    <name>StatusPoller</name>
    <message>
        <location filename="../../usosmail_gui/ui/status_poller.py" line="+124"/>
        <source>Checking statuses…</source>
        <translation>Sprawdzanie statusów…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expired: USOS keeps statuses for 7 days only; the last ones seen are shown.</source>
        <translation>Statusy wygasły: USOS przechowuje je tylko przez 7 dni; widoczne są ostatnio odczytane.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Statuses cannot be checked: connect to the installation first.</source>
        <translation>Nie można sprawdzić statusów: najpierw połącz się z instalacją.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Polling stopped: %1</source>
        <translation>Sprawdzanie statusów zatrzymane: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All statuses are final; polling stopped.</source>
        <translation>Wszystkie statusy są ostateczne; sprawdzanie zatrzymano.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>offline — retrying in %n s</source>
        <translation>
            <numerusform>brak połączenia — ponowna próba za %n s</numerusform>
            <numerusform>brak połączenia — ponowna próba za %n s</numerusform>
            <numerusform>brak połączenia — ponowna próba za %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Next check in %n s</source>
        <translation>
            <numerusform>Następne sprawdzenie za %n s</numerusform>
            <numerusform>Następne sprawdzenie za %n s</numerusform>
            <numerusform>Następne sprawdzenie za %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Statuses cannot be read: %1</source>
        <translation>Nie można odczytać statusów: %1</translation>
    </message>
</context>
<context>
    <name>StatusTableModel</name>
    <message>
        <location filename="../../usosmail_gui/ui/status_table.py" line="+217"/>
        <source>Row</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recipient&apos;s row in the spreadsheet.</source>
        <translation>Wiersz odbiorcy w arkuszu kalkulacyjnym.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address the message was sent to.</source>
        <translation>Adres, na który wysłano wiadomość.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What USOS says about the message: waiting, sent, failed, expired…</source>
        <translation>Co USOS podaje o wiadomości: oczekuje, wysłana, nieudana, wygasła…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the message failed or was refused, as USOS or the app reports it, or why the row was left out.</source>
        <translation>Dlaczego wiadomość się nie udała lub została odrzucona (według USOS lub programu) albo dlaczego wiersz pominięto.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../usosmail_gui/ui/template_editor.py" line="+184"/>
        <source>Sender name</source>
        <translation>Nazwa nadawcy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USOS (the server&apos;s default)</source>
        <translation>USOS (domyślna nazwa serwera)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender address</source>
        <translation>Adres nadawcy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server&apos;s no-reply address</source>
        <translation>domyślny adres serwera typu no-reply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a summary to</source>
        <translation>Wyślij podsumowanie do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>nikogo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An address that receives a summary once every message is sent.</source>
        <translation>Adres, na który trafi podsumowanie po wysłaniu wszystkich wiadomości.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Language of the message</source>
        <translation>Język wiadomości</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Polish</source>
        <translation>Polski</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Angielski</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The language USOS uses for the parts of the e-mail it adds.</source>
        <translation>Język, w którym USOS dodaje własne fragmenty wiadomości e-mail.</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+115"/>
        <source>Sender &amp;name:</source>
        <translation>&amp;Nazwa nadawcy:</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+115"/>
        <source>Sender &amp;address:</source>
        <translation>&amp;Adres nadawcy:</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+115"/>
        <source>Su&amp;mmary to:</source>
        <translation>Podsumowanie &amp;do:</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+115"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Subject</source>
        <translation>Temat</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Subject, e.g. Decyzja stypendialna – {Imię} {Nazwisko}</source>
        <translation>Temat, np. Decyzja stypendialna – {Imię} {Nazwisko}</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Message text</source>
        <translation>Treść wiadomości</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dear {Imię},

… Type { to insert a column of the recipient list.</source>
        <translation>Dzień dobry {Imię},

… Wpisz {, aby wstawić kolumnę z listy odbiorców.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Subject length</source>
        <translation>Długość tematu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message text length</source>
        <translation>Długość treści wiadomości</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Insert placeholder</source>
        <translation>Wstaw pole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns to insert</source>
        <translation>Kolumny do wstawienia</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Plain text</source>
        <translation>&amp;Zwykły tekst</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Plain text message</source>
        <translation>Wiadomość jako zwykły tekst</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;HTML</source>
        <translation>&amp;HTML</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>HTML message</source>
        <translation>Wiadomość w formacie HTML</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Temat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Open a recipient list first: its columns are the placeholders.</source>
        <translation>Najpierw otwórz listę odbiorców: jej kolumny są polami do wstawienia.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a column of the recipient list into the text.</source>
        <translation>Wstaw do tekstu kolumnę z listy odbiorców.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}  (written {{{placeholder}}})</source>
        <translation>{name}  (wpisywane jako {{{placeholder}}})</translation>
    </message>
</context>
<context>
    <name>TemplateFiles</name>
    <message>
        <location filename="../../usosmail_gui/ui/template_files.py" line="+100"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;New Template</source>
        <translation>&amp;Nowy szablon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an empty template.</source>
        <translation>Utwórz pusty szablon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Template…</source>
        <translation>Otwórz &amp;szablon…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a template file (.usosmail).</source>
        <translation>Otwórz plik szablonu (.usosmail).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Template</source>
        <translation>Zap&amp;isz szablon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the template (subject, text, format, sender).</source>
        <translation>Zapisz szablon (temat, treść, format, nadawcę).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Template &amp;As…</source>
        <translation>Zapisz szablon &amp;jako…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Template from Sa&amp;mple</source>
        <translation>Nowy szablon z &amp;przykładu</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Untitled template</source>
        <translation>Szablon bez nazwy</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open a template</source>
        <translation>Otwórz szablon</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save the template</source>
        <translation>Zapisz szablon</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+10"/>
        <source>Unsaved template</source>
        <translation>Niezapisany szablon</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>“{name}” has changes that are not saved. Save them first?</source>
        <translation>„{name}” ma niezapisane zmiany. Czy najpierw je zapisać?</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The template was not opened</source>
        <translation>Nie otwarto szablonu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template was not saved</source>
        <translation>Nie zapisano szablonu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Something unexpected went wrong ({error}). The template you are editing is kept.</source>
        <translation>Wystąpił nieoczekiwany błąd ({error}). Edytowany szablon nie został utracony.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>usosmail templates (*{extension});;All files (*)</source>
        <translation>Szablony usosmail (*{extension});;Wszystkie pliki (*)</translation>
    </message>
</context>
<context>
    <name>TestAddressDialog</name>
    <message>
        <location filename="../../usosmail_gui/ui/test_address_dialog.py" line="+57"/>
        <location line="+7"/>
        <source>Your address for tests</source>
        <translation>Twój adres do testów</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Test messages go to your own e-mail address. Which one? (It is remembered on this computer; change it in Send ▸ My address for tests….)</source>
        <translation>Wiadomości testowe są wysyłane na Twój adres e-mail. Podaj go. (Zostanie zapamiętany na tym komputerze; można go zmienić w menu Wysyłanie ▸ Mój adres do testów…)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use this address</source>
        <translation>Użyj tego adresu</translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <location filename="../../usosmail_gui/ui/user_guide.py" line="+64"/>
        <location line="+1"/>
        <source>User Guide</source>
        <translation>Podręcznik użytkownika</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../usosmail_gui/ui/welcome.py" line="+89"/>
        <source>Welcome</source>
        <translation>Strona powitalna</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Welcome to usosmail-gui</source>
        <translation>Witamy w programie usosmail-gui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send a personal e-mail to every student on a list — with their name, their grade or anything else your spreadsheet holds — through your university&apos;s USOS. You see each message before it goes, and the app follows every one until USOS has sent it. If you are not sure yet, try the sandbox first: it works like the real thing, but no e-mail leaves your computer.</source>
        <translation>Wyślij każdemu studentowi z listy osobistą wiadomość e-mail — z jego imieniem, oceną lub czymkolwiek innym, co zawiera Twój arkusz kalkulacyjny — przez USOS swojej uczelni. Każdą wiadomość zobaczysz, zanim zostanie wysłana, a program śledzi każdą z nich, dopóki USOS jej nie wyśle. Jeśli nie masz jeszcze pewności, najpierw wypróbuj piaskownicę: działa jak prawdziwy system, ale żadna wiadomość e-mail nie opuści Twojego komputera.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About usosmail-gui</source>
        <translation>O programie usosmail-gui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try it with the sandbox</source>
        <translation>Wypróbuj w piaskownicy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A demo list of students and a sample letter. Nothing is sent to anyone.</source>
        <translation>Przykładowa lista studentów i przykładowa wiadomość. Nic nie zostanie do nikogo wysłane.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts a practice server on this computer with a demo list and a sample letter. Messages stay on this computer.</source>
        <translation>Uruchamia na tym komputerze lokalny serwer testowy z przykładową listą i przykładową wiadomością. Wiadomości nie opuszczają tego komputera.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect to my university</source>
        <translation>Połącz z moją uczelnią</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the administrative key from your USOS API administrators.</source>
        <translation>Za pomocą klucza administracyjnego od administratorów USOS API Twojej uczelni.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your university and enter the consumer key and secret you received from the people who run your USOS API.</source>
        <translation>Wybierz swoją uczelnię i wpisz klucz (consumer key) oraz sekret (consumer secret) otrzymane od osób, które zarządzają USOS API na Twojej uczelni.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+1"/>
        <source>Back to the list</source>
        <translation>Powrót do listy</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Back to the open list and template (Esc)</source>
        <translation>Powrót do otwartej listy i szablonu (Esc)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back to the list: {name}</source>
        <translation>Powrót do listy: {name}</translation>
    </message>
</context>
<context>
    <name>WindowConnection</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/connection.py" line="+95"/>
        <source>Local sandbox (starting)</source>
        <translation>Lokalna piaskownica (uruchamianie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting the local sandbox…</source>
        <translation>Uruchamianie lokalnej piaskownicy…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The local sandbox could not be started.</source>
        <translation>Nie udało się uruchomić lokalnej piaskownicy.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No installation chosen</source>
        <translation>Nie wybrano instalacji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected</source>
        <translation>Nie połączono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection ▸ Connect… to choose one.</source>
        <translation>Wybierz instalację: Połączenie ▸ Połącz…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local sandbox (for trying out; mail is not really sent) — {url}</source>
        <translation>Lokalna piaskownica (do wypróbowania; poczta nie jest naprawdę wysyłana) — {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USOS: {name} — {url}</source>
        <translation>USOS: {name} — {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USOS: {url}</source>
        <translation>USOS: {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local sandbox</source>
        <translation>Lokalna piaskownica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No key loaded</source>
        <translation>Nie wczytano klucza</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not checked yet</source>
        <translation>Jeszcze nie sprawdzono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection ▸ Test connection to check it.</source>
        <translation>Aby sprawdzić, wybierz Połączenie ▸ Sprawdź połączenie.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the saved key…</source>
        <translation>Odczytywanie zapisanego klucza…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No saved key for this installation</source>
        <translation>Brak zapisanego klucza dla tej instalacji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection ▸ Connect… to enter the key and secret.</source>
        <translation>Wpisz klucz i sekret: Połączenie ▸ Połącz…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking the connection…</source>
        <translation>Sprawdzanie połączenia…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The connection could not be checked.</source>
        <translation>Nie udało się sprawdzić połączenia.</translation>
    </message>
</context>
<context>
    <name>WindowHelp</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/help.py" line="+41"/>
        <source>The user guide is not installed.</source>
        <translation>Podręcznik użytkownika nie został zainstalowany.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>About usosmail-gui</source>
        <translation>O programie usosmail-gui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>usosmail-gui {version}</source>
        <translation>usosmail-gui {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Personalised e-mail to students through the mailing module of your university&apos;s USOS API, with every message followed until it is sent.</source>
        <translation>Spersonalizowane wiadomości e-mail do studentów, wysyłane przez moduł pocztowy USOS API uczelni — każda wiadomość jest śledzona aż do jej wysłania.</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/layout.py" line="+131"/>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Główny pasek narzędzi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} ({shortcut})</source>
        <translation>{what} ({shortcut})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show or hide the list of the template&apos;s problems.</source>
        <translation>Pokaż lub ukryj listę problemów szablonu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the statuses of the shown campaign.</source>
        <translation>Pokaż lub ukryj statusy wyświetlanej kampanii.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Toolbar</source>
        <translation>&amp;Pasek narzędzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the toolbar.</source>
        <translation>Pokaż lub ukryj pasek narzędzi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text &amp;beside Toolbar Icons</source>
        <translation>&amp;Tekst obok ikon paska narzędzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System language</source>
        <translation>Język systemu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Polski</source>
        <translation>Polski</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/status_bar.py" line="+87"/>
        <source>Current installation</source>
        <translation>Bieżąca instalacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection state</source>
        <translation>Stan połączenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail queue</source>
        <translation>Kolejka poczty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients summary</source>
        <translation>Podsumowanie odbiorców</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Queue: %Ln unsent</source>
        <translation>
            <numerusform>Kolejka: %Ln niewysłana wiadomość</numerusform>
            <numerusform>Kolejka: %Ln niewysłane wiadomości</numerusform>
            <numerusform>Kolejka: %Ln niewysłanych wiadomości</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue: unknown (offline)</source>
        <translation>Kolejka: nieznana (brak połączenia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue: unknown</source>
        <translation>Kolejka: nieznana</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mail daemon stopped</source>
        <translation>usługa poczty zatrzymana</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No recipients loaded</source>
        <translation>Nie wczytano odbiorców</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File ▸ Open… or drop a spreadsheet on the window.</source>
        <translation>Plik ▸ Otwórz… albo przeciągnij arkusz kalkulacyjny do okna.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>checking the message…</source>
        <translation>sprawdzanie wiadomości…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln error(s): those rows receive nothing</source>
        <translation>
            <numerusform>%Ln błąd: wiersze z błędami nic nie otrzymają</numerusform>
            <numerusform>%Ln błędy: wiersze z błędami nic nie otrzymają</numerusform>
            <numerusform>%Ln błędów: wiersze z błędami nic nie otrzymają</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln ostrzeżenie</numerusform>
            <numerusform>%Ln ostrzeżenia</numerusform>
            <numerusform>%Ln ostrzeżeń</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) unticked or hidden</source>
        <translation>
            <numerusform>%Ln wiersz odznaczony lub ukryty</numerusform>
            <numerusform>%Ln wiersze odznaczone lub ukryte</numerusform>
            <numerusform>%Ln wierszy odznaczonych lub ukrytych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The message has errors: nothing can be sent until they are corrected.</source>
        <translation>Wiadomość zawiera błędy: nic nie zostanie wysłane, dopóki nie zostaną poprawione.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The message is not checked against every row yet.</source>
        <translation>Wiadomość nie została jeszcze sprawdzona dla każdego wiersza.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln odbiorca</numerusform>
            <numerusform>%Ln odbiorcy</numerusform>
            <numerusform>%Ln odbiorców</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing will be sent until the message is corrected</source>
        <translation>nic nie zostanie wysłane, dopóki wiadomość nie zostanie poprawiona</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln will receive</source>
        <translation>
            <numerusform>%Ln otrzyma</numerusform>
            <numerusform>%Ln otrzymają</numerusform>
            <numerusform>%Ln otrzyma</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln left out</source>
        <translation>
            <numerusform>%Ln pominięty</numerusform>
            <numerusform>%Ln pominięte</numerusform>
            <numerusform>%Ln pominiętych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln problem(s)</source>
        <translation>
            <numerusform>%Ln problem</numerusform>
            <numerusform>%Ln problemy</numerusform>
            <numerusform>%Ln problemów</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkArea</name>
    <message>
        <location filename="../../usosmail_gui/ui/window/work_area.py" line="+82"/>
        <source>Problems</source>
        <translation>Problemy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template problems</source>
        <translation>Problemy szablonu</translation>
    </message>
</context>
<context>
    <name>usosmail-gui</name>
    <message>
        <location filename="../../usosmail_gui/app/command_line.py" line="+31"/>
        <source>Send personalised e-mail to students through your university&apos;s USOS API (services/mailing) and follow every message until it is sent.</source>
        <translation>Wysyłaj spersonalizowane wiadomości e-mail do studentów przez USOS API swojej uczelni (services/mailing) i śledź każdą wiadomość aż do jej wysłania.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Examples:
  usosmail-gui                       open the app; the first time, a welcome page offers
                                     to connect to your university or to try the sandbox
  usosmail-gui --sandbox             try everything against a local test server;
                                     nothing is sent to anyone
  usosmail-gui --sandbox --demo      the same, with a demo list of students loaded
  usosmail-gui --installation https://usosapps.example.edu.pl/
                                     start connected, with the key saved earlier
  usosmail-gui --sandbox --demo --language en --screenshot window.png
                                     save a picture of the window (for documentation)

The consumer secret is never accepted on the command line (it would stay in the
shell history); it is kept in the system keyring. For scripts, see `usosmail`.</source>
        <translation>Przykłady:
  usosmail-gui                       otwiera program; za pierwszym razem pokazuje stronę
                                     powitalną: połączenie z uczelnią albo piaskownica
  usosmail-gui --sandbox             wszystko działa na lokalnym serwerze testowym;
                                     nic nie jest do nikogo wysyłane
  usosmail-gui --sandbox --demo      to samo, z wczytaną przykładową listą studentów
  usosmail-gui --installation https://usosapps.example.edu.pl/
                                     od razu łączy, używając zapisanego klucza
  usosmail-gui --sandbox --demo --language en --screenshot window.png
                                     zapisuje obraz okna (do dokumentacji)

Sekret (consumer secret) nigdy nie jest przyjmowany w wierszu poleceń (zostałby
w historii powłoki); pobiera się go z systemowego magazynu haseł. Do skryptów: `usosmail`.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>start a local USOS API test server inside the app and connect to it with its administrative key; messages are &apos;delivered&apos; into a temporary folder, never sent</source>
        <translation>uruchamia w programie lokalny serwer testowy USOS API i łączy się z nim za pomocą jego klucza administracyjnego; wiadomości są „dostarczane” do folderu tymczasowego, nigdy nie są wysyłane</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>connect at start to this USOS API installation (its https:// base URL), using the key and secret saved for it</source>
        <translation>przy uruchomieniu łączy się z tą instalacją USOS API (podaj jej podstawowy adres https://), używając zapisanego dla niej klucza i sekretu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>load the bundled demo list of students (fictitious people and addresses) and a sample template in the window&apos;s language at start</source>
        <translation>przy uruchomieniu wczytuje dołączoną przykładową listę studentów (fikcyjne osoby i adresy) oraz przykładowy szablon w języku okna</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the language of the window for this run; by default the system&apos;s, or the one chosen in View &gt; Language</source>
        <translation>język okna przy tym uruchomieniu; domyślnie język systemu albo język wybrany w menu Widok &gt; Język</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on a first run, do not show the welcome page that offers to connect or to try the sandbox</source>
        <translation>przy pierwszym uruchomieniu nie pokazuje strony powitalnej, która proponuje połączenie z uczelnią lub wypróbowanie piaskownicy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>with --sandbox (implies --demo): once the demo is loaded and a student is previewed, save a PNG picture of the window (1366x768, fresh settings) to FILE and quit; exit code 1 if it cannot</source>
        <translation>razem z --sandbox (włącza też --demo): po wczytaniu przykładowych danych i wyświetleniu podglądu wiadomości dla studenta zapisuje obraz okna w formacie PNG (1366x768, ustawienia domyślne) do pliku FILE i kończy działanie; jeśli to się nie uda, kod wyjścia to 1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>with --screenshot: what to picture: main (the window with the demo list), send (Send…&apos;s confirmation of the demo list), statuses (the demo list sent to the sandbox, with its statuses), campaigns (the Campaigns window after it was sent) or mailbox (the Sandbox mailbox with a delivered message opened)</source>
        <translation>razem z --screenshot: co pokazać: main (okno z przykładową listą), send (potwierdzenie „Wyślij…” dla przykładowej listy), statuses (przykładowa lista wysłana w piaskownicy, z jej statusami), campaigns (okno Kampanie po jej wysłaniu) albo mailbox (skrzynka piaskownicy z otwartą doręczoną wiadomością)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a recipient list (.xlsx, .ods, .csv…) or a template (.usosmail) to open at start, as when it is double-clicked</source>
        <translation>lista odbiorców (.xlsx, .ods, .csv…) lub szablon (.usosmail) do otwarcia przy uruchomieniu, tak jak po dwukrotnym kliknięciu pliku</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--screenshot works only with --sandbox: it pictures the demo on the local test server, for documentation and tests</source>
        <translation>--screenshot działa tylko razem z --sandbox: zapisuje obraz okna z przykładowymi danymi na lokalnym serwerze testowym, na potrzeby dokumentacji i testów</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/app/sandbox_launcher.py" line="+122"/>
        <source>Local sandbox</source>
        <translation>Lokalna piaskownica</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/app/screenshot.py" line="+377"/>
        <source>The picture could not be saved to {path}.</source>
        <translation>Nie udało się zapisać obrazu w pliku {path}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The window did not come to rest within {seconds:g} s; no picture was taken.</source>
        <translation>Okno nie ustabilizowało się w ciągu {seconds:g} s; obraz nie został zapisany.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>usosmail-gui: {reason}</source>
        <translation>usosmail-gui: {reason}</translation>
    </message>
    <message>
        <location filename="../../usosmail_gui/app/__init__.py" line="+187"/>
        <source>The local sandbox could not be started: {reason}</source>
        <translation>Nie udało się uruchomić lokalnej piaskownicy: {reason}</translation>
    </message>
</context>
</TS>
