import { Account, AccountToken } from './account/model.ts';
import { AuditEntry } from './audit/model.ts';
import { Avatar } from './avatar/model.ts';
import { Cohort } from './cohort/model.ts';
import { Collection } from './collection/model.ts';
import { Bookmark } from './bookmark/model.ts';
import { Expert } from './expert/model.ts';
import { Flag, FlaggedItem } from './flag/model.ts';
import { Follow, FollowSeen } from './follow/model.ts';
import { Notification, NotificationPreference } from './notification/model.ts';
import { DigestPreference, DigestSend } from './digest/model.ts';
import { Onboarding } from './onboarding/model.ts';
import { Block, Conversation, ConversationMember, Message, MessageReport } from './message/model.ts';
import { Organization } from './organization/model.ts';
import { QuestionVote, Reply, ReplyRevision, Thread, ThreadRevision, Vote } from './discussion/model.ts';
import { Place } from './place/model.ts';
import { ThreadReading } from './reading/model.ts';
import { Endorsement } from './reaction/model.ts';
import { Replication } from './replication/model.ts';
import { ReviewClaim, ReviewComment, ReviewEvent } from './review/model.ts';
import { Practice, PracticeRevision } from './practice/model.ts';
import { Group, GroupMember } from './group/model.ts';
import { FaqEntry, HelpdeskRequest, HelpdeskSettings } from './helpdesk/model.ts';
import { ProgrammeFramework, ProgrammeReport, ProgrammeReporter } from './programme/model.ts';
import { Proposal, Task, TaskNote } from './task/model.ts';
import { EnterpriseProfile } from './enterprise/model.ts';
import { Session } from './session/model.ts';
import { Topic } from './topic/model.ts';
import { VerificationRequest } from './verification/model.ts';
import { View, ViewCount } from './view/model.ts';

/** The one-of records, keyed by `_id` (schema/mark.ts). */
export const markModels = [Endorsement, Vote, QuestionVote, Follow, Bookmark, View];

/** Every model, so that start-up can create their indexes. */
export const models = [
  Place,
  Organization,
  Topic,
  Cohort,
  Group,
  GroupMember,
  HelpdeskRequest,
  FaqEntry,
  HelpdeskSettings,
  ProgrammeFramework,
  ProgrammeReporter,
  ProgrammeReport,
  Proposal,
  Task,
  TaskNote,
  EnterpriseProfile,
  Expert,
  Account,
  AccountToken,
  Session,
  VerificationRequest,
  AuditEntry,
  Avatar,
  Practice,
  PracticeRevision,
  ReviewClaim,
  ReviewComment,
  ReviewEvent,
  Collection,
  Replication,
  Endorsement,
  Thread,
  ThreadRevision,
  Reply,
  ReplyRevision,
  Vote,
  QuestionVote,
  Follow,
  FollowSeen,
  Bookmark,
  View,
  ViewCount,
  ThreadReading,
  FlaggedItem,
  Flag,
  DigestSend,
  DigestPreference,
  Onboarding,
  Conversation,
  ConversationMember,
  Message,
  Block,
  MessageReport,
  Notification,
  NotificationPreference,
];
