// A register stage beside a counter no output shows: every fault in the counter is a mutant
// equivalent to the design at its ports (mutation scoring must not count it).
module shadow_pipe (
    input  wire       clk,
    input  wire       rst,
    input  wire [1:0] d,
    output reg  [1:0] q
);
  reg [2:0] shadow;
  always @(posedge clk) begin
    if (rst) begin
      q <= 2'd0;
      shadow <= 3'd0;
    end else begin
      q <= d;
      shadow <= shadow + 3'd1;
    end
  end
endmodule
