// The local channel's page: pick who you are, open your personal chat or a named group chat,
// and talk to the bot through Web Chat over this host's Direct Line (polling, no WebSocket).
// The host writes this start's Direct Line secret into <meta name="directline-secret">; every call to
// the host carries it, and Web Chat gets the conversation's own token. Every text a person reads is in index.html.
(function () {
  'use strict';

  var STORAGE_KEY = 'kiemdiem.localChannel.identity';
  var LOCALE = 'vi-VN';
  var DIRECT_LINE = window.location.origin + '/v3/directline';
  var BOT_AVATAR = 'bot-avatar.svg';
  var BOT_INITIALS = 'KĐ';
  var NARROW_SCREEN = window.matchMedia('(max-width: 700px)');

  var secretMeta = document.querySelector('meta[name="directline-secret"]');
  var secret = secretMeta && secretMeta.content && secretMeta.content.indexOf('{{') !== 0 ? secretMeta.content : null;

  var form = document.getElementById('identity-form');
  var panel = document.getElementById('identity-panel');
  var emailInput = document.getElementById('user-email');
  var nameInput = document.getElementById('user-name');
  var groupInput = document.getElementById('group-name');
  var peopleList = document.getElementById('known-people');
  var peopleSelect = document.getElementById('known-people-select');
  var groupsSelect = document.getElementById('known-groups-select');
  var personDetails = document.getElementById('person-details');
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

  function authorized(headers) {
    return Object.assign({ Authorization: 'Bearer ' + secret }, headers || {});
  }

  function getJson(path) {
    return fetch(path, { headers: authorized() })
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }

  function selectedMode() {
    var checked = form.querySelector('input[name="mode"]:checked');
    return checked ? checked.value : 'personal';
  }

  function setMode(mode) {
    var radio = form.querySelector('input[name="mode"][value="' + (mode === 'group' ? 'group' : 'personal') + '"]');
    if (radio) {
      radio.checked = true;
    }
    syncGroupFields();
  }

  function syncGroupFields() {
    var personal = selectedMode() !== 'group';
    groupInput.disabled = personal;
    groupsSelect.disabled = personal;
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

  function option(value, text) {
    var element = document.createElement('option');
    element.value = value;
    element.textContent = text;
    return element;
  }

  // The pickers are rebuilt from scratch each time, so reconnecting never repeats their entries.
  function renderPeople(list) {
    people = list;
    peopleList.replaceChildren.apply(peopleList, list.map(function (person) {
      var choice = document.createElement('option');
      choice.value = person.id;
      if (person.name) {
        choice.label = person.name;
      }
      return choice;
    }));
    var groups = [];
    var byCell = {};
    list.forEach(function (person) {
      var label = person.cell || peopleSelect.dataset.others;
      if (!byCell[label]) {
        byCell[label] = document.createElement('optgroup');
        byCell[label].label = label;
        groups.push(byCell[label]);
      }
      var text = (person.name ? person.name + ' (' + person.id + ')' : person.id) +
        (person.posts && person.posts.length ? ' — ' + person.posts.join('; ') : '');
      byCell[label].appendChild(option(person.id, text));
    });
    peopleSelect.replaceChildren.apply(peopleSelect, [option('', peopleSelect.dataset.none)].concat(groups));
    selectKnownPerson();
  }

  function renderGroups(names) {
    var first = groupsSelect.options[0];
    groupsSelect.replaceChildren.apply(groupsSelect, [first].concat(names.map(function (name) { return option(name, name); })));
    groupsSelect.value = names.indexOf(groupInput.value) >= 0 ? groupInput.value : '';
  }

  function loadPickers() {
    return Promise.all([getJson('/local/people'), getJson('/local/groups')])
      .then(function (lists) {
        renderPeople(lists[0]);
        renderGroups(lists[1]);
      });
  }

  function findPerson(email) {
    var key = email.trim().toLowerCase();
    return people.find(function (person) { return person.id.toLowerCase() === key; });
  }

  function showPersonDetails(person) {
    if (!person || !person.cell) {
      personDetails.textContent = '';
      return;
    }
    personDetails.textContent = personDetails.dataset.cell + ': ' + person.cell + ' · ' +
      (person.posts.length ? personDetails.dataset.posts + ': ' + person.posts.join('; ') : personDetails.dataset.noPosts);
  }

  function selectKnownPerson() {
    var match = findPerson(emailInput.value);
    peopleSelect.value = match ? match.id : '';
    showPersonDetails(match);
  }

  function pickFromSelect() {
    var match = findPerson(peopleSelect.value);
    if (match) {
      emailInput.value = match.id;
      nameInput.value = match.name || '';
    }
    showPersonDetails(match);
  }

  function pickGroup() {
    if (groupsSelect.value) {
      groupInput.value = groupsSelect.value;
    }
  }

  function fillNameFromPeople() {
    var match = findPerson(emailInput.value);
    if (match && match.name) {
      nameInput.value = match.name;
    }
    selectKnownPerson();
  }

  function startConversation(identity) {
    var body = { user: { id: identity.email, name: identity.name }, locale: LOCALE };
    if (identity.mode === 'group') {
      body.group = identity.group;
    }
    return fetch(DIRECT_LINE + '/conversations', {
      method: 'POST',
      headers: authorized({ 'Content-Type': 'application/json' }),
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

  // Teams writes a mention as <at>Name</at>; people read it as @Name.
  function readableMentions(text) {
    return typeof text === 'string' ? text.replace(/<at>([^<]*)<\/at>/g, '@$1') : text;
  }

  function bold(name) {
    return '**' + String(name).replace(/[*_`\\]/g, '') + '**';
  }

  // Web Chat knows one user: everything with role "user" is drawn as the person at this page. In a group
  // chat the others' messages are moved to the other side, start with their name and get no avatar, and
  // the bot's messages start with its name, as Teams shows them.
  function presentAsInTeams(me, isGroup, others) {
    return function () {
      return function (next) {
        return function (action) {
          var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity;
          if (!activity || !activity.from) {
            return next(action);
          }
          var shown = Object.assign({}, activity, { text: readableMentions(activity.text) });
          var isMine = activity.from.role === 'user' && String(activity.from.id).toLowerCase() === me.toLowerCase();
          if (activity.from.role === 'user' && !isMine) {
            others[activity.from.id] = true;
            shown.from = Object.assign({}, activity.from, { role: 'bot' });
          }
          if (isGroup && !isMine && activity.type === 'message') {
            var name = bold(activity.from.name || activity.from.id);
            shown.textFormat = 'markdown';
            shown.text = shown.text ? name + ': ' + shown.text : name;
          }
          return next(Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: shown }) }));
        };
      };
    };
  }

  // The bot's avatar belongs to the bot only: the other members' messages, drawn on its side, show none.
  function botAvatarOnly(others) {
    return function () {
      return function (next) {
        return function (args) {
          return args.activity && args.activity.from && others[args.activity.from.id] ? false : next(args);
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
    var others = {};
    var isGroup = identity.mode === 'group';
    // A fresh element for each conversation, so Web Chat starts with an empty store.
    var element = document.createElement('div');
    element.className = 'webchat';
    host.replaceChildren(element);
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: window.WebChat.createStore({}, presentAsInTeams(identity.email, isGroup, others)),
      avatarMiddleware: botAvatarOnly(others),
      userID: identity.email,
      username: identity.name,
      locale: LOCALE,
      styleOptions: {
        botAvatarImage: BOT_AVATAR,
        botAvatarInitials: BOT_INITIALS,
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
    if (!secret) {
      showStatus(status.dataset.missingSecret, true);
      return;
    }
    showStatus(status.dataset.connecting, false);
    startConversation(identity)
      .then(function (conversation) {
        renderChat(identity, conversation);
        showConnected(identity);
        if (NARROW_SCREEN.matches) {
          panel.open = false;
        }
        return loadPickers();
      })
      .catch(function () { showStatus(status.dataset.failed, true); });
  }

  var chosenHere = false;

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    chosenHere = true;
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
  groupsSelect.addEventListener('change', pickGroup);
  form.querySelectorAll('input[name="mode"]').forEach(function (radio) {
    radio.addEventListener('change', syncGroupFields);
  });

  // The person and the chat chosen last time come back after a reload, and so does the conversation:
  // its history is kept by the host, and Web Chat reads it again from the start.
  var remembered = readIdentity();
  if (remembered.email) {
    emailInput.value = remembered.email;
    nameInput.value = remembered.name || '';
    groupInput.value = remembered.group || groupInput.value;
    setMode(remembered.mode);
  }
  syncGroupFields();
  if (!secret) {
    showStatus(status.dataset.missingSecret, true);
    return;
  }
  loadPickers().then(function () {
    // Unless the user has already chosen someone on this page: their choice wins over the remembered one
    // (another tab of the same browser may have written it).
    if (!chosenHere && remembered.email && remembered.name) {
      connect(remembered);
    }
  });
}());
