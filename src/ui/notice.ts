/**
 * A notice the player sees on any screen (the menu, the map, the debrief), for the few
 * problems that matter whatever they are doing, such as saves that can no longer be stored.
 * It is an alert (read at once by screen readers) and stays until the player closes it.
 */
export function showNotice(text: string, closeLabel: string): void {
  document.getElementById('notice')?.remove();
  const box = document.createElement('div');
  box.id = 'notice';
  box.className = 'notice';
  box.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = closeLabel;
  close.addEventListener('click', () => box.remove());
  box.append(message, close);
  document.body.append(box);
}
