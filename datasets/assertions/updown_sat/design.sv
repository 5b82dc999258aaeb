module updown_sat (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       up,
    input  wire       down,
    output reg  [3:0] value
);
  always @(posedge clk) begin
    if (!rst_n) value <= 4'd0;
    else if (up && !down && value != 4'd15) value <= value + 4'd1;
    else if (down && !up && value != 4'd0) value <= value - 4'd1;
  end
endmodule
