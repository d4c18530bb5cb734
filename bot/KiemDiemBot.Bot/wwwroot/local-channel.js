// The local channel's page: pick who you are, open your personal chat or a named group chat,
// and talk to the bot through Web Chat over this host's Direct Line (polling, no WebSocket).
// Every text a person reads is in index.html.
(function () {
  'use strict';

  var STORAGE_KEY = 'kiemdiem.localChannel.identity';
  var LOCALE = 'vi-VN';
  var DIRECT_LINE = window.location.origin + '/v3/directline';

  var form = document.getElementById('identity-form');
  var emailInput = document.getElementById('user-email');
  var nameInput = document.getElementById('user-name');
  var groupInput = document.getElementById('group-name');
  var peopleList = document.getElementById('known-people');
  var peopleSelect = document.getElementById('known-people-select');
  var status = document.getElementById('chat-status');
  var host = document.getElementById('webchat-host');
  var people = [];
  var directLine = null;

  function readIdentity() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || {};
    } catch (e) {
      return {};
    }
  }

  function saveIdentity(identity) {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
  }

  function selectedMode() {
    var checked = form.querySelector('input[name="mode"]:checked');
    return checked ? checked.value : 'personal';
  }

  function syncGroupField() {
    groupInput.disabled = selectedMode() !== 'group';
  }

  function showStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  function showConnected(identity) {
    var where = identity.mode === 'group'
      ? status.dataset.group + ' “' + identity.group + '”'
      : status.dataset.personal;
    showStatus(where + ' · ' + status.dataset.youAre + ' ' + identity.name + ' <' + identity.email + '>', false);
  }

  function loadPeople() {
    return fetch('/local/people')
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) {
        people = list;
        peopleList.replaceChildren.apply(peopleList, list.map(function (person) {
          var option = document.createElement('option');
          option.value = person.id;
          if (person.name) {
            option.label = person.name;
          }
          return option;
        }));
        list.forEach(function (person) {
          var choice = document.createElement('option');
          choice.value = person.id;
          choice.textContent = person.name ? person.name + ' (' + person.id + ')' : person.id;
          peopleSelect.appendChild(choice);
        });
      })
      .catch(function () { people = []; });
  }

  function pickFromSelect() {
    var match = people.find(function (person) { return person.id === peopleSelect.value; });
    if (match) {
      emailInput.value = match.id;
      nameInput.value = match.name || '';
    }
  }

  function fillNameFromPeople() {
    var email = emailInput.value.trim().toLowerCase();
    var match = people.find(function (person) { return person.id.toLowerCase() === email; });
    if (match && match.name) {
      nameInput.value = match.name;
    }
  }

  function startConversation(identity) {
    var body = { user: { id: identity.email, name: identity.name }, locale: LOCALE };
    if (identity.mode === 'group') {
      body.group = identity.group;
    }
    return fetch(DIRECT_LINE + '/conversations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('Direct Line answered ' + response.status);
      }
      return response.json();
    });
  }

  function initials(name) {
    var words = name.trim().split(/\s+/);
    var first = words[0] ? words[0].charAt(0) : '';
    var last = words.length > 1 ? words[words.length - 1].charAt(0) : '';
    return (first + last).toUpperCase();
  }

  // Web Chat knows one user: everything with role "user" is drawn as the person at this page. In a group
  // chat the others' messages are moved to the other side and start with their name.
  function showOthersAsOthers(me) {
    return function () {
      return function (next) {
        return function (action) {
          var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity;
          if (!activity || !activity.from || activity.from.role !== 'user' || activity.from.id.toLowerCase() === me.toLowerCase()) {
            return next(action);
          }
          var other = Object.assign({}, activity, {
            from: Object.assign({}, activity.from, { role: 'bot' }),
            textFormat: 'markdown',
            text: activity.text ? '**' + (activity.from.name || activity.from.id) + '**: ' + activity.text : activity.text
          });
          return next(Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: other }) }));
        };
      };
    };
  }

  function renderChat(identity, conversation) {
    if (directLine) {
      directLine.end();
    }
    directLine = window.WebChat.createDirectLine({
      domain: DIRECT_LINE,
      webSocket: false,
      conversationId: conversation.conversationId,
      token: conversation.token
    });
    // A fresh element for each conversation, so Web Chat starts with an empty store.
    var element = document.createElement('div');
    element.className = 'webchat';
    host.replaceChildren(element);
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: window.WebChat.createStore({}, showOthersAsOthers(identity.email)),
      userID: identity.email,
      username: identity.name,
      locale: LOCALE,
      styleOptions: {
        // In a group the left side holds the bot and the other people, so no single avatar fits it.
        botAvatarInitials: identity.mode === 'group' ? undefined : 'KĐ',
        userAvatarInitials: initials(identity.name),
        hideUploadButton: true,
        accent: '#b3261e'
      }
    }, element);
    var input = element.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) {
      input.focus();
    }
  }

  function connect(identity) {
    if (!window.WebChat) {
      showStatus(status.dataset.missingLibrary, true);
      return;
    }
    showStatus(status.dataset.connecting, false);
    startConversation(identity)
      .then(function (conversation) {
        renderChat(identity, conversation);
        showConnected(identity);
        return loadPeople();
      })
      .catch(function () { showStatus(status.dataset.failed, true); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var identity = {
      email: emailInput.value.trim(),
      name: nameInput.value.trim(),
      mode: selectedMode(),
      group: groupInput.value.trim() || groupInput.defaultValue
    };
    saveIdentity(identity);
    connect(identity);
  });
  emailInput.addEventListener('change', fillNameFromPeople);
  peopleSelect.addEventListener('change', pickFromSelect);
  form.querySelectorAll('input[name="mode"]').forEach(function (radio) {
    radio.addEventListener('change', syncGroupField);
  });

  var remembered = readIdentity();
  if (remembered.email) {
    emailInput.value = remembered.email;
    nameInput.value = remembered.name || '';
    groupInput.value = remembered.group || groupInput.value;
    var mode = form.querySelector('input[name="mode"][value="' + (remembered.mode === 'group' ? 'group' : 'personal') + '"]');
    if (mode) {
      mode.checked = true;
    }
  }
  syncGroupField();
  loadPeople().then(function () {
    if (remembered.email && remembered.name) {
      connect(remembered);
    }
  });
}());
