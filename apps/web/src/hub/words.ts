import type { HubKind } from '@brave/protocol';

/**
 * Every word the hub screens show, in one place (plain English, our own words), so they
 * can move into the shared catalogue in one step later.
 */
export const HUB = {
  title: 'Hub',
  intro: 'Share resources, ask questions, name challenges and try out ideas with the whole community. Facilitators can pin what matters most.',
  homeLink: 'Open the hub',
  homeLinkHint: 'Resources, questions and ideas between convenings',
  backToCommunity: 'Back to the community',
  backToHub: 'Back to the hub',
  loading: 'Opening the hub…',
  loadingThread: 'Opening the thread…',
  failed: 'We could not open the hub',
  tryAgain: 'Try again',
  outside: 'The hub is for the community’s members',
  outsideHint: 'Members come in through the invite link a facilitator shared. Facilitators sign in first.',
  missingThread: 'This thread is not here',
  missingThreadHint: 'It may have been hidden by a facilitator, kept to a working group, or deleted after the community’s retention period.',

  // The list
  filterLabel: 'Show posts tagged',
  filterAll: 'Every tag',
  empty: 'Nothing here yet. Be the first to share something.',
  emptyFiltered: 'No post has this tag yet.',
  listHeading: 'Posts',
  pinned: 'Pinned',
  hidden: 'Hidden from members',
  locked: 'Locked',
  privateTo: (group: string | null) => (group ? `Only ${group} and the facilitators` : 'Only the facilitators (its working group was deleted)'),
  replies: (n: number) => (n === 0 ? 'No replies yet' : n === 1 ? '1 reply' : `${n} replies`),
  by: (name: string, facilitator: boolean) => (facilitator ? `${name}, facilitator` : name),
  you: 'you',
  listNews: 'The hub has something new.',

  // The form
  newPost: 'Share something',
  formHeading: 'Share something with the community',
  kindLegend: 'What is it?',
  titleLabel: 'Title',
  titleHint: 'A few words, up to 140 characters.',
  titleMissing: 'Give your post a title.',
  bodyLabel: 'More words (optional)',
  bodyHint: 'Up to 4,000 characters.',
  linksLabel: 'Links (optional, up to three)',
  linkLabel: (n: number) => `Link ${n}`,
  linkHint: 'A web address starting with https:// or http://',
  linkBad: 'Links start with https:// or http://.',
  tagsLegend: 'Tags (up to four)',
  channelTags: 'Channels',
  roleTags: 'Roles',
  tooManyTags: 'Choose up to four tags.',
  privacyLegend: 'Who can read it',
  everyone: 'Everyone in the community',
  onlyGroup: (group: string) => `Only ${group} and the facilitators`,
  submitPost: 'Post it',

  // A thread
  linksHeading: 'Links',
  repliesHeading: 'Replies',
  noReplies: 'No replies yet.',
  replyLabel: 'Your reply',
  replyHint: 'Up to 2,000 characters.',
  replyMissing: 'Write something first.',
  submitReply: 'Reply',
  lockedNote: 'A facilitator locked this thread: it takes no new replies.',
  hiddenNote: 'This post is hidden: members do not see it, and it takes no replies.',
  newReplies: (n: number) => (n === 1 ? 'A new reply arrived.' : `${n} new replies arrived.`),
  replySent: 'Your reply is posted.',

  // Moderation (facilitators)
  moderation: 'Moderation',
  pin: 'Pin to the top',
  unpin: 'Unpin',
  hide: 'Hide from members',
  unhide: 'Show to members again',
  lock: 'Lock replies',
  unlock: 'Unlock replies',
  hideReply: 'Hide this reply',
  unhideReply: 'Show this reply again',
  pinnedNow: 'Pinned to the top of the hub.',
  unpinnedNow: 'No longer pinned.',
  hiddenNow: 'Hidden from members.',
  shownNow: 'Members see it again.',
  lockedNow: 'Replies are locked.',
  unlockedNow: 'Replies are open again.',

  // My data
  myHeading: 'In the hub',
  myNone: 'You have not posted or replied in the hub.',
  myPosts: 'Your posts',
  myReplies: 'Your replies',
  myReplyTo: (title: string) => `to “${title}”`,
  myHidden: '(hidden by a facilitator)',
  myHint: 'If you leave and ask for your name to be replaced, your posts and replies stay for the community under “Former member”.',
} as const;

export const KIND_WORDS: Record<HubKind, { label: string; hint: string }> = {
  resource: { label: 'Resource', hint: 'Something useful to share: a guide, a report, a tool.' },
  question: { label: 'Question', hint: 'Something you would like the community’s help with.' },
  challenge: { label: 'Challenge', hint: 'A difficulty you are facing in the work.' },
  idea: { label: 'Idea', hint: 'Something to try together.' },
};
