import { ConfirmCommand } from '../../components/ConfirmCommand.tsx';

/** Ending a round early brings everyone back at once, so it asks first. */
export function CloseRooms() {
  return (
    <ConfirmCommand
      action="Close all rooms"
      question="Close all rooms now?"
      explanation="Everyone comes back to the main room straight away, without the wrap-up time."
      keepLabel="Keep the rooms open"
      command={{ type: 'round.close' }}
    />
  );
}
